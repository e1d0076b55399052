/**
 * Python in a view, for the active browser. Each line runs as its own request
 * (POST /__session__/console), so its cookie and the store change as after any view; the output
 * is what Python's prompt prints, with the playground's explanations beside it in the page's
 * language.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { clearConsole, runConsole } from '../../world/console/run';
import { formatNumber } from '../format';

/** Counts in the reader's digits; everything else (names, statuses) as it is. */
function localValues(values: Record<string, string> | undefined, lang: string) {
  const out: Record<string, string> = { ...values };
  for (const k of ['shown', 'total'])
    if (out[k] !== undefined) out[k] = formatNumber(Number(out[k]), lang);
  return out;
}

/** Lines to try: code, the same in every language. */
const EXAMPLES = [
  "request.session['color'] = 'blue'",
  "request.session.get('color', 'none')",
  "'color' in request.session",
  'request.session.items()',
  'request.session.set_expiry(300)',
  'request.session.get_expiry_age()',
  'request.session.get_expiry_date()',
  'request.session.set_expiry(timezone.now() + timedelta(minutes=5))',
  'request.session.cycle_key()',
  'request.session.flush()',
  'dir(request.session)',
];

export function ConsolePanel() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const tab = world.activeTab;
  const [text, setText] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Lines typed while an earlier one is still running wait their turn, as in a terminal.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const logRef = useRef<HTMLOListElement>(null);
  const lines = tab.consoleLog;
  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [lines.length]);
  const run = (e?: FormEvent) => {
    e?.preventDefault();
    const line = text;
    setText('');
    setCursor(null);
    setFailure(null);
    queue.current = queue.current
      .then(() => runConsole(world, tab.id, line).then(() => undefined))
      .catch((err: unknown) => setFailure(err instanceof Error ? err.message : String(err)));
  };
  // Up and Down walk the history, as in a shell.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = tab.consoleHistory;
    if (e.key === 'ArrowUp' && history.length) {
      e.preventDefault();
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setText(history[next] ?? '');
    } else if (e.key === 'ArrowDown' && cursor !== null) {
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setText('');
      } else {
        setCursor(next);
        setText(history[next] ?? '');
      }
    }
  };
  return (
    <div className="panel console">
      <p className="hint">{t('console.intro', { name: tab.name })}</p>
      <ol
        className="console-log"
        ref={logRef}
        aria-label={t('console.log')}
        aria-live="polite"
        tabIndex={0}
      >
        {lines.length === 0 && <li className="hint">{t('console.empty')}</li>}
        {lines.map((line, i) => (
          <li key={i}>
            <code className="console-in">
              <span aria-hidden="true">&gt;&gt;&gt; </span>
              {line.input}
            </code>
            {line.output && (
              <pre className={line.error ? 'console-out error' : 'console-out'}>{line.output}</pre>
            )}
            {line.note && (
              <p className={line.output ? 'console-note' : 'console-note error'}>
                {t(line.note.key, localValues(line.note.values, i18n.language))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <form className="console-input" onSubmit={run}>
        <label htmlFor="console-input" className="prompt">
          <span aria-hidden="true">&gt;&gt;&gt;</span>
          <span className="visually-hidden">{t('console.label', { name: tab.name })}</span>
        </label>
        <input
          id="console-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder="request.session['color'] = 'blue'"
        />
        <button type="submit">{t('console.run')}</button>
        <button type="button" onClick={() => clearConsole(world, tab.id)}>
          {t('console.clear')}
        </button>
      </form>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <p className="hint">{t('console.help')}</p>
      <details className="console-examples">
        <summary>{t('console.examples')}</summary>
        <ul>
          {EXAMPLES.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
