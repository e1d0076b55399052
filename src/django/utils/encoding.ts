/** django/utils/encoding.py, the part that turns a request's path bytes into text. */

/**
 * Where the UTF-8 decoder stops at a byte sequence that is not UTF-8: the start and end of the
 * first maximal invalid subpart (what Python's UnicodeDecodeError gives as `e.start`, `e.end`),
 * or null when every byte is valid.
 */
function firstInvalid(bytes: Uint8Array, from: number): [number, number] | null {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return [i, i + 1];
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      const [min, max] = k === 0 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return [i, j];
    }
    i = j;
  }
  return null;
}

/**
 * `repercent_broken_unicode(path)`: RFC 3987 §3.2 step three; every octet that is not part of a
 * strictly legal UTF-8 sequence is percent-encoded again (upper-case hex, as `quote` writes it).
 */
export function repercent_broken_unicode(path: Uint8Array): Uint8Array {
  const out: number[] = [];
  let at = 0;
  for (let bad = firstInvalid(path, 0); bad; bad = firstInvalid(path, at)) {
    const [start, end] = bad;
    out.push(...path.subarray(at, start));
    for (const byte of path.subarray(start, end))
      for (const ch of '%' + byte.toString(16).toUpperCase().padStart(2, '0'))
        out.push(ch.charCodeAt(0));
    at = end;
  }
  out.push(...path.subarray(at));
  return Uint8Array.from(out);
}
