// pako's zlib port, used below its public API so that one compressor can be reused
// (src/django/utils/zlib.ts). pako is pinned; tests compare the output with pako.deflate.
declare module 'pako/lib/zlib/zstream.js' {
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    state: DeflateState;
  }
  export interface DeflateState {
    w_size: number;
    window_size: number;
    head: Uint16Array;
    strstart: number;
    block_start: number;
    lookahead: number;
    insert: number;
    match_length: number;
    prev_length: number;
    match_available: number;
    ins_h: number;
  }
}
declare module 'pako/lib/zlib/deflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  export function deflateInit2(
    strm: ZStream,
    level: number,
    method: number,
    windowBits: number,
    memLevel: number,
    strategy: number,
  ): number;
  export function deflateResetKeep(strm: ZStream): number;
  export function deflate(strm: ZStream, flush: number): number;
}
declare module 'pako/lib/deflate.js' {
  export function deflate(data: Uint8Array): Uint8Array;
}
declare module 'pako/lib/inflate.js' {
  /** undefined, not an error, for a stream that stops short. */
  export function inflate(data: Uint8Array): Uint8Array | undefined;
}
