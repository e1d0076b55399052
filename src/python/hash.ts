/**
 * CPython's `hash()` for the values whose hash is the same in every process (ints, floats, bools,
 * tuples of them), as 64-bit two's complement bigints: a set of numbers prints in the order
 * CPython's hash table gives it. Strings and None hash differently in each Python process
 * (PYTHONHASHSEED, addresses), so any stable hash stands in for them.
 */
const MASK64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
const HASH_INF = 314159n;

/** Two's complement signed 64-bit view of an unsigned value. */
function signed(x: bigint): bigint {
  const u = x & MASK64;
  return u >= 1n << 63n ? u - (1n << 64n) : u;
}

/** `hash(int)`: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2. */
export function hashInt(n: bigint): bigint {
  const m = (n < 0n ? -n : n) % MODULUS;
  const h = n < 0n ? -m : m;
  return h === -1n ? -2n : h;
}

/** `_Py_HashDouble` */
export function hashFloat(v: number): bigint {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 0n : v > 0 ? HASH_INF : -HASH_INF;
  if (Number.isInteger(v)) return hashInt(BigInt(v));
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MODULUS) | (x >> (HASH_BITS - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.trunc(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  const bits = Number(HASH_BITS);
  const ee = BigInt(e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits));
  x = ((x << ee) & MODULUS) | (x >> (HASH_BITS - ee));
  x = signed(x * sign);
  return x === -1n ? -2n : x;
}

/** C's `frexp`: v = m * 2**e with 0.5 <= |m| < 1. */
function frexp(v: number): [number, number] {
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(v))) + 1);
  let m = v * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** `tuplehash` (xxHash's mixing, as CPython 3.8+ does it). */
export function hashTuple(lanes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const lane of lanes) {
    acc = (acc + (lane & MASK64) * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(lanes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  const h = signed(acc);
  return h === -1n ? 1546275796n : h;
}

/** A stable stand-in for the hashes that differ between Python processes (FNV-1a, 64-bit). */
export function hashText(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK64;
  }
  const s = signed(h);
  return s === -1n ? -2n : s;
}

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MIN_SIZE = 8;

interface Slot<T> {
  hash: bigint;
  item: T;
}

/**
 * The slot order of CPython's set table (Objects/setobject.c): linear probing, then perturbed
 * jumps; a table filled to 3/5 grows to four times its used size. Deletions leave dummies.
 */
export class SetTable<T> {
  private table: (Slot<T> | 'dummy' | null)[] = new Array<null>(MIN_SIZE).fill(null);
  private fill = 0;
  private used = 0;

  /** Adds an item that is not in the table yet (the caller checks equality). */
  add(hash: bigint, item: T): void {
    const mask = this.table.length - 1;
    let freeslot = -1;
    let i = Number(hash & BigInt(mask));
    let perturb = hash & MASK64;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        const entry = this.table[i + j];
        if (entry === null) {
          this.used++;
          if (freeslot >= 0) {
            this.table[freeslot] = { hash, item };
            return;
          }
          this.fill++;
          this.table[i + j] = { hash, item };
          if (this.fill * 5 >= mask * 3)
            this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (entry === 'dummy' && freeslot < 0) freeslot = i + j;
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  /** Removes the item (found by identity) and leaves a dummy in its slot. */
  delete(item: T): void {
    const at = this.table.findIndex((e) => e !== null && e !== 'dummy' && e.item === item);
    if (at < 0) return;
    this.table[at] = 'dummy';
    this.used--;
  }

  clear(): void {
    this.table = new Array<null>(MIN_SIZE).fill(null);
    this.fill = this.used = 0;
  }

  /** The items in table order: what iteration and `repr()` show. */
  items(): T[] {
    const out: T[] = [];
    for (const e of this.table) if (e !== null && e !== 'dummy') out.push(e.item);
    return out;
  }

  private resize(minused: number): void {
    let size = MIN_SIZE;
    while (size <= minused) size <<= 1;
    const old = this.table;
    this.table = new Array<null>(size).fill(null);
    this.fill = this.used;
    const mask = size - 1;
    for (const e of old) {
      if (e === null || e === 'dummy') continue;
      let i = Number(e.hash & BigInt(mask));
      let perturb = e.hash & MASK64;
      for (;;) {
        if (this.table[i] === null) break;
        let found = -1;
        if (i + LINEAR_PROBES <= mask)
          for (let j = 1; j <= LINEAR_PROBES; j++)
            if (this.table[i + j] === null) {
              found = i + j;
              break;
            }
        if (found >= 0) {
          i = found;
          break;
        }
        perturb >>= PERTURB_SHIFT;
        i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
      }
      this.table[i] = e;
    }
  }
}
