/** The list of lessons, with a welcome and how far the student got in each. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown, type MdBlock } from '../../lessons/markdown';
import { formatHash } from '../../lessons/links';
import type { LessonSummary } from '../../lessons/load';
import { formatNumber } from '../format';
import { Markdown } from './Markdown';
import { useLessons } from './context';

// The welcome text is in the first chunk: it is what a first visit sees first.
const WELCOME = import.meta.glob<string>('../../../content/lessons/index.*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function welcome(lang: string): { title: string; blocks: MdBlock[] } | null {
  const source = WELCOME[`../../../content/lessons/index.${lang}.md`];
  if (source === undefined) return null;
  const [first = '', ...rest] = source.split('\n');
  return { title: first.replace(/^#\s*/, ''), blocks: renderMarkdown(rest.join('\n')) };
}

export function LessonIndex() {
  const { t, i18n } = useTranslation();
  const { catalog } = useLessons();
  const lang = i18n.language as 'en' | 'bn';
  const intro = useMemo(() => welcome(lang), [lang]);
  return (
    <div className="lesson-index">
      <h2 id="lesson-heading">{intro?.title ?? t('lesson.indexTitle')}</h2>
      {intro && <Markdown blocks={intro.blocks.slice(0, 1)} />}
      <LessonList
        title={t('lesson.list')}
        lessons={catalog.lessons.filter((l) => l.kind === 'lesson')}
      />
      <LessonList
        title={t('lesson.labs')}
        lessons={catalog.lessons.filter((l) => l.kind === 'lab')}
      />
      {intro && <Markdown blocks={intro.blocks.slice(1)} />}
    </div>
  );
}

function LessonList({ title, lessons }: { title: string; lessons: LessonSummary[] }) {
  const { t, i18n } = useTranslation();
  const { progress } = useLessons();
  const lang = i18n.language as 'en' | 'bn';
  if (lessons.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ol className="lesson-list">
        {lessons.map((lesson) => {
          const done = lesson.stepIds.filter((id) => progress.isDone(lesson.slug, id)).length;
          const total = lesson.stepIds.length;
          return (
            <li key={lesson.slug}>
              <a href={formatHash(lesson.slug)}>{lesson.title[lang]}</a>{' '}
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
    </>
  );
}
