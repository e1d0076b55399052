/**
 * When something breaks: never a blank page. An error boundary around the whole app, and the
 * same screen when the engine cannot start: "Something broke", the error, "Export my world" (the
 * world as it is in memory, or else as it was saved) and "Reset" (a fresh world; a copy of the
 * saved one is kept when it fits, and the reader is asked when it does not). Once this screen
 * shows, nothing is saved: the world that broke the page must not break the next reload too.
 *
 * The actions live in recoveryActions.ts, loaded only when used, so the first screen stays small.
 */
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { haltSaving } from '../halt';
import type { RecoverySource } from '../recoveryActions';

interface BoundaryProps {
  children: ReactNode;
  source: () => RecoverySource;
}

export class ErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    haltSaving();
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    haltSaving();
    // The console keeps the component stack for whoever reports the problem.
    console.warn('The playground broke:', error, info.componentStack);
  }

  override render() {
    if (this.state.error !== null)
      return <RecoveryScreen error={this.state.error} source={this.props.source} />;
    return this.props.children;
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

type Step = 'idle' | 'exported' | 'no-room' | 'failed';

export function RecoveryScreen({
  error,
  source,
}: {
  error: unknown;
  source: () => RecoverySource;
}) {
  // Strings have English defaults: the break may have happened before the language loaded.
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const actions = () => import('../recoveryActions');
  const exportWorld = async () => {
    try {
      (await actions()).exportForRecovery(source());
      setStep('exported');
    } catch {
      setStep('failed');
    }
  };
  const reset = async (anyway = false) => {
    const outcome = (await actions()).resetForRecovery(anyway);
    if (outcome === 'no-room') setStep('no-room');
    else location.reload();
  };
  return (
    <main className="recovery" role="alert" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title', 'Something broke')}</h1>
      <p>
        {t(
          'recovery.text',
          'The playground ran into an error it cannot go on from. Nothing has been saved since, so what was saved before is still there. Export your world to keep it, or reset to start afresh.',
        )}
      </p>
      <pre className="recovery-error">{errorText(error)}</pre>
      <div className="inline-form">
        <button type="button" onClick={() => void exportWorld()}>
          {t('recovery.export', 'Export my world')}
        </button>
        <button type="button" onClick={() => void reset()}>
          {t('recovery.reset', 'Reset')}
        </button>
        <button type="button" onClick={() => location.reload()}>
          {t('recovery.reload', 'Reload the page')}
        </button>
      </div>
      <p role="status">
        {step === 'exported' && t('recovery.exported', 'Your world was downloaded as a file.')}
        {step === 'failed' &&
          t('recovery.exportFailed', 'The world could not be exported; nothing was downloaded.')}
      </p>
      {step === 'no-room' && (
        <div className="error">
          <p>
            {t(
              'recovery.noRoom',
              'There is no room in this browser to keep a copy of your saved world. Export it first, or reset anyway and lose it.',
            )}
          </p>
          <button type="button" onClick={() => void reset(true)}>
            {t('recovery.resetAnyway', 'Reset anyway')}
          </button>
        </div>
      )}
    </main>
  );
}
