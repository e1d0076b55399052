/** The tutorial's code next to the same code in modern Django, with the lines that run marked. */
import { useTranslation } from 'react-i18next';
import type { CodeBlock, StepCode } from '../../lessons/types';
import { isLang, localize } from '../../lessons/localized';
import { localDigits } from '../format';

function Block({ block, label }: { block: CodeBlock; label: string }) {
  const { t, i18n } = useTranslation();
  const marked = new Set(block.highlight ?? []);
  const file = localize(block.file, isLang(i18n.language) ? i18n.language : 'en');
  return (
    <figure className="code-block">
      <figcaption>
        <span className="code-label">{label}</span> <code>{file}</code>
      </figcaption>
      <pre tabIndex={0} aria-label={`${label}: ${file}`}>
        {block.lines.map((line, i) => {
          const n = i + 1;
          const hot = marked.has(n);
          return (
            <span key={i} className={hot ? 'line hot' : 'line'}>
              <span className="line-no" aria-hidden="true">
                {localDigits(String(n).padStart(2, ' '), i18n.language)}
              </span>
              {hot && <span className="visually-hidden">{t('lesson.runsNow')} </span>}
              {line || ' '}
              {'\n'}
            </span>
          );
        })}
      </pre>
    </figure>
  );
}

export function CodeView({ code }: { code: StepCode }) {
  const { t } = useTranslation();
  return (
    <div className={`code-view${code.tutorial && code.modern ? ' two' : ''}`}>
      {code.tutorial && <Block block={code.tutorial} label={t('lesson.tutorialCode')} />}
      {code.modern && <Block block={code.modern} label={t('lesson.modernCode')} />}
    </div>
  );
}
