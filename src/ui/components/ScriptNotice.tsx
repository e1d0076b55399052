/**
 * What the page's scripts did, under the browser's address bar (lab 15): which script read
 * document.cookie, what it got (HttpOnly cookies are not in it), and where it sent it. The
 * region is always there, so that a new page's report is announced (role=status).
 */
import { useTranslation } from 'react-i18next';
import type { ScriptReport } from '../../browser/scripts';
import { hostOf } from '../hostOf';

function hosts(urls: string[]): string[] {
  return [...new Set(urls.map(hostOf))];
}

function Report({ report }: { report: ScriptReport }) {
  const { t } = useTranslation();
  if (report.outcome === 'not-run')
    return (
      <p className="script-not-run">
        {report.reason === 'external'
          ? t('script.notRunExternal', { src: report.src })
          : t('script.notRun')}
      </p>
    );
  const names = report.hidden.join(', ');
  const empty = report.cookie === '';
  const read = empty
    ? names
      ? t('script.readEmptyHidden', { names })
      : t('script.readEmpty')
    : names
      ? t('script.readHidden', { cookie: report.cookie, names })
      : t('script.read', { cookie: report.cookie });
  return (
    <p className={empty ? 'script-read' : 'script-read script-leak'}>
      {read}
      {hosts(report.sent).map((host) => (
        <span key={host}> {t(empty ? 'script.sentEmpty' : 'script.sent', { host })}</span>
      ))}
    </p>
  );
}

export function ScriptNotice({ reports }: { reports: readonly ScriptReport[] | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="script-notice" role="status" aria-label={t('script.label')}>
      {(reports ?? []).map((report, i) => (
        <Report key={i} report={report} />
      ))}
    </div>
  );
}
