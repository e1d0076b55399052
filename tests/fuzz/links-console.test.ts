// @vitest-environment jsdom
/**
 * Link settings and console lines, fuzzed (issue 14). A link: any query is read whole or refused
 * whole, and what it sets the Settings panel accepts. A console line: whatever is typed, the
 * console answers (what Python prints, or a Python-like error); it never throws past the console.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { parseHash } from '../../src/lessons/links';
import { parseLinkSettings } from '../../src/lessons/linkSettings';
import { VirtualClock } from '../../src/world/clock';
import { runConsole } from '../../src/world/console/run';
import { DEFAULT_EDITABLE } from '../../src/world/settings';
import { World } from '../../src/world/world';
import { fuzzConfig, hostileString, TIMEOUT } from './settings';

const NAMES = Object.keys(DEFAULT_EDITABLE);
const settingName = fc.oneof(fc.constantFrom(...NAMES), hostileString);
const settingValue = fc.oneof(
  hostileString,
  fc.constantFrom('True', 'False', 'None', "'None'", '60', '-1', '1e9', 'signed_cookies', "'5.2'"),
  fc.integer().map(String),
);

const world = () =>
  new World({
    clock: new VirtualClock(() => Date.UTC(2026, 0, 1)),
    transport: (get) => new InPageTransport(get),
  });

describe('fuzzing link settings', () => {
  it(
    'whole or nothing; what is applied, the Settings panel accepts',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(settingName, settingValue), { maxLength: 8 }), (pairs) => {
          const read = parseLinkSettings(pairs);
          if (read.problems.length) expect(read.patch).toEqual({});
          const w = world();
          const before = JSON.stringify(w.settings);
          const errors = w.applySettings(read.patch);
          expect(errors).toEqual([]);
          if (Object.keys(read.patch).length === 0) expect(JSON.stringify(w.settings)).toBe(before);
        }),
        fuzzConfig(300),
      );
    },
    TIMEOUT,
  );

  it(
    'any hash: a step link or nothing, never an exception',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            hostileString.map((s) => `#/lesson/login/3?${s}`),
          ),
          (hash) => {
            expect(() => parseHash(hash)).not.toThrow();
          },
        ),
        fuzzConfig(500),
      );
    },
    TIMEOUT,
  );
});

/** Python-ish fragments, so that many lines get past the tokenizer into the parser. */
const token = fc.constantFrom(
  'request.session',
  "['k']",
  '[1]',
  '.get(',
  '.set_expiry(',
  '.pop(',
  ')',
  '(',
  '=',
  ' ',
  "'v'",
  '10**20',
  '1e308',
  'float("nan")',
  'timedelta(days=999999999)',
  'timezone.now()',
  '+',
  '-',
  '...',
  'None',
  'del ',
  ' in ',
  '"\\ud800"',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '#',
  '\\',
  '9'.repeat(5000),
);
const line = fc.oneof(
  fc.array(token, { maxLength: 8 }).map((t) => t.join('')),
  hostileString,
);

describe('fuzzing console lines', () => {
  it(
    'every line gets an answer or a Python-like error',
    async () => {
      const w = world();
      await fc.assert(
        fc.asyncProperty(line, async (text) => {
          const answer = await runConsole(w, 'A', text);
          expect(typeof answer.output).toBe('string');
          if (answer.error)
            expect(answer.output).toMatch(
              /^[A-Za-z_.]*(Error|Exception|Warning|Unsupported|Interrupt|Exit)\b|^\w+:/,
            );
        }),
        fuzzConfig(300),
      );
    },
    TIMEOUT,
  );
});
