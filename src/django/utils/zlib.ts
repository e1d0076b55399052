/**
 * `zlib.compress(data)` (level 6, zlib container), byte-identical to CPython's, which Django's
 * signing needs. pako is a line-by-line port of zlib, so its output matches; but `pako.deflate`
 * (and `new pako.Deflate()`, the only other public entry) builds a fresh compressor (some 270 KB
 * of tables) for every call. This keeps one compressor and resets it between calls the way
 * zlib's own deflateReset() does, clearing the hash table with a native fill.
 *
 * Below pako's public API on purpose, measured (issue 12; CPU time per call, so that the 2-core
 * machine's load counts less; both in the same runs): one compress of a 20-item session is
 * 80-85 µs with pako.deflate and 16-18 µs here; the login -> connection -> logout pipeline
 * (db engine, one compress per cycle) runs 10,400-11,600 req/s with pako.deflate and
 * 19,500-22,200 req/s here, against a budget of 20,000 (`npm run bench`). pako is pinned;
 * tests/django/zlib.test.ts checks every output against pako.deflate's.
 */
// pako's CommonJS modules, not its ESM bundle: the bundle carries a second copy of the deflate
// code below (some 6 KB gzipped on the first visit).
import { deflate as pakoDeflate } from 'pako/lib/deflate.js';
import { inflate } from 'pako/lib/inflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';
import { deflate, deflateInit2, deflateResetKeep } from 'pako/lib/zlib/deflate.js';

const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_FINISH = 4;
const Z_DEFLATED = 8;
const MIN_MATCH = 3;

let stream: ZStream | null = null;

function freshStream(): ZStream {
  const strm = new ZStream();
  // Level 6, 32 KB window, memLevel 8, default strategy: zlib.compress()'s defaults.
  if (deflateInit2(strm, 6, Z_DEFLATED, 15, 8, 0) !== Z_OK)
    throw new Error('zlib: cannot initialise');
  return strm;
}

/** zlib's deflateReset(): deflateResetKeep() + lm_init(), with the same field values. */
function reset(strm: ZStream): void {
  deflateResetKeep(strm);
  const s = strm.state;
  s.window_size = 2 * s.w_size;
  s.head.fill(0);
  s.strstart = 0;
  s.block_start = 0;
  s.lookahead = 0;
  s.insert = 0;
  s.match_length = s.prev_length = MIN_MATCH - 1;
  s.match_available = 0;
  s.ins_h = 0;
}

export function compress(data: Uint8Array): Uint8Array {
  stream ??= freshStream();
  reset(stream);
  // Worst case: stored blocks (5 bytes per 16 KB) plus the 6-byte zlib wrapper.
  const out = new Uint8Array(data.length + 5 * Math.ceil((data.length + 1) / 16383) + 16);
  stream.input = data;
  stream.next_in = 0;
  stream.avail_in = data.length;
  stream.output = out;
  stream.next_out = 0;
  stream.avail_out = out.length;
  const status = deflate(stream, Z_FINISH);
  const used = stream.next_out;
  stream.input = stream.output = null;
  if (status !== Z_STREAM_END) {
    stream = null; // never reuse a stream in an unknown state
    return pakoDeflate(data);
  }
  return out.slice(0, used);
}

/** What zlib reports: its status code (Z_DATA_ERROR -3, Z_BUF_ERROR -5) and message. */
export class InflateError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** `zlib.decompress(data)`: an InflateError for data that is not a whole zlib stream. */
export function decompress(data: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  try {
    out = inflate(data);
  } catch (e) {
    // pako throws zlib's message as a string ('incorrect header check').
    throw new InflateError(-3, e instanceof Error ? e.message : String(e));
  }
  // ...and returns nothing for a stream that stops short.
  if (out === undefined) throw new InflateError(-5, 'incomplete or truncated stream');
  return out;
}
