/** A session key with its colour: the same key looks the same in the jar, the headers and the store. */
import { keyHue } from '../format';

export function SessionKey({ value, full = false }: { value: string; full?: boolean }) {
  const hue = keyHue(value);
  const text = full || value.length <= 14 ? value : value.slice(0, 10) + '…';
  return (
    <span className="session-key" title={value}>
      <span
        className="key-swatch"
        aria-hidden="true"
        style={{ background: `hsl(${hue} 70% 45%)` }}
      />
      <code>{text}</code>
    </span>
  );
}
