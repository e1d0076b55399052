/**
 * "Predict, then reveal": the student answers before the step runs; once the engine has done
 * it (the step's check passed), each answer is graded against what really happened. The answers
 * live with the lesson player, which shows what happened only once they are given (or skipped).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonText, Prediction } from '../../lessons/types';
import { InlineMarkdown } from './Markdown';

export function Predictions({
  predictions,
  text,
  answers,
  onAnswer,
  revealed,
}: {
  predictions: Prediction[];
  text: LessonText;
  /** Prediction id -> the option the student chose. */
  answers: Record<string, string>;
  onAnswer: (id: string, option: string) => void;
  revealed: boolean;
}) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <div className="predictions">
      {predictions.map((p) => {
        const words = text.predictions[p.id];
        if (!words) return null;
        const chosen = answers[p.id];
        const name = `${base}-${p.id}`;
        return (
          <fieldset key={p.id} className="prediction">
            <legend>
              <span className="prediction-tag">{t('lesson.predict')}</span>{' '}
              <InlineMarkdown text={words.question} />
            </legend>
            {p.options.map((o) => {
              const right = revealed && o === p.answer;
              const wrong = revealed && chosen === o && o !== p.answer;
              return (
                <label key={o} className={`option${right ? ' right' : ''}${wrong ? ' wrong' : ''}`}>
                  <input
                    type="radio"
                    name={name}
                    value={o}
                    checked={chosen === o}
                    disabled={revealed && chosen !== undefined}
                    onChange={() => onAnswer(p.id, o)}
                  />
                  <span>
                    <InlineMarkdown text={words.options[o] ?? o} />
                    {right && <span className="verdict"> ✓ {t('lesson.whatHappened')}</span>}
                    {wrong && <span className="verdict"> ✗ {t('lesson.notThis')}</span>}
                  </span>
                </label>
              );
            })}
            {revealed && chosen === undefined && (
              <p className="hint">{t('lesson.revealedUnanswered')}</p>
            )}
            {!revealed && chosen !== undefined && <p className="hint">{t('lesson.waitReveal')}</p>}
            {revealed && chosen !== undefined && (
              <p role="status" className={chosen === p.answer ? 'ok' : 'error'}>
                {chosen === p.answer ? t('lesson.predictRight') : t('lesson.predictWrong')}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
