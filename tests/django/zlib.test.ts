import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { compress, decompress } from '../../src/django/utils/zlib';

// The reused compressor must give exactly what a fresh pako.deflate (a port of zlib, itself
// checked against Django's vector 5 in signing.test.ts) gives, call after call.
function pseudoRandom(seed: number) {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
}

describe('zlib.compress with a reused compressor', () => {
  it('is byte-identical to pako.deflate for many inputs in a row', () => {
    const next = pseudoRandom(42);
    const inputs: Uint8Array[] = [
      new Uint8Array(0),
      new TextEncoder().encode('{"username":"alice"}'),
    ];
    for (let n = 0; n < 300; n++) {
      const len = n < 200 ? n * 7 : 20000 + n * 331;
      const repetitive = n % 3 === 0;
      inputs.push(
        Uint8Array.from({ length: len }, (_, i) => (repetitive ? (i % 17) + 97 : next())),
      );
    }
    for (const input of inputs) {
      const ours = compress(input);
      expect(Buffer.from(ours).equals(Buffer.from(pako.deflate(input)))).toBe(true);
      expect(Buffer.from(decompress(ours)).equals(Buffer.from(input))).toBe(true);
    }
  });
});
