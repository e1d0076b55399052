/** The list of lessons, with a welcome and how far the student got in each. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown, type MdBlock } from '../../lessons/markdown';
import { formatHash } from '../../lessons/links';
import { formatNumber } from '../format';
import { Markdown } from './Markdown';
import { useLessons } from './context';

// The welcome text, one chunk per language, fetched when shown.
const WELCOME = import.meta.glob<string>('../../../content/lessons/index.*.md', {
  query: '?raw',
  import: 'default',
});

function useWelcome(lang: string): { title: string; blocks: MdBlock[] } | null {
  const [text, setText] = useState<{ lang: string; source: string } | null>(null);
  useEffect(() => {
    const load = WELCOME[`../../../content/lessons/index.${lang}.md`];
    let live = true;
    void load?.().then((source) => live && setText({ lang, source }));
    return () => {
      live = false;
    };
  }, [lang]);
  if (!text || text.lang !== lang) return null;
  const [first = '', ...rest] = text.source.split('\n');
  return { title: first.replace(/^#\s*/, ''), blocks: renderMarkdown(rest.join('\n')) };
}

export function LessonIndex() {
  const { t, i18n } = useTranslation();
  const { catalog, runner } = useLessons();
  const lang = i18n.language as 'en' | 'bn';
  const welcome = useWelcome(lang);
  return (
    <div className="lesson-index">
      <h2 id="lesson-heading">{welcome?.title ?? t('lesson.indexTitle')}</h2>
      {welcome && <Markdown blocks={welcome.blocks.slice(0, 1)} />}
      <h3>{t('lesson.list')}</h3>
      <ol className="lesson-list">
        {catalog.lessons.map((lesson) => {
          const done = lesson.steps.filter((s) => runner.progress.isDone(lesson.slug, s.id)).length;
          const total = lesson.steps.length;
          return (
            <li key={lesson.slug}>
              <a href={formatHash(lesson.slug, 1)}>{lesson.title[lang]}</a>{' '}
              <span className={done === total ? 'progress complete' : 'progress'}>
                {done === total
                  ? t('lesson.completed')
                  : t('lesson.stepsDone', {
                      done: formatNumber(done, lang),
                      total: formatNumber(total, lang),
                    })}
              </span>
            </li>
          );
        })}
      </ol>
      {welcome && <Markdown blocks={welcome.blocks.slice(1)} />}
    </div>
  );
}
