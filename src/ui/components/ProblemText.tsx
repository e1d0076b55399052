/**
 * A refused input's problem (world/schema.ts) on screen: where, as code, then what is wrong in
 * the reader's language, numbers in the reader's digits.
 */
import { useTranslation } from 'react-i18next';
import type { InputProblem } from '../../world/schema';
import { formatNumber } from '../format';

/** The problem's values ready for `t`: numbers in the reader's digits. */
export function problemValues(p: InputProblem, lang: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(p.values).map(([k, v]) => [
      k,
      typeof v === 'number' ? formatNumber(v, lang) : v,
    ]),
  );
}

export function ProblemText({ problem }: { problem: InputProblem }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <code>{problem.path}</code>: {t(problem.key, problemValues(problem, i18n.language))}
    </>
  );
}
