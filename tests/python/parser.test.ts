import { describe, expect, it } from 'vitest';
import { PyException } from '../../src/python';
import { parseModule } from '../../src/python/parser/parse';
import { tokenize } from '../../src/python/parser/tokenizer';
import { parseStringToken } from '../../src/python/parser/strings';
import { suggest } from '../../src/python/parser/suggest';

/** The last line Python prints for a source it cannot compile, or 'OK'. */
function compileResult(source: string): string {
  try {
    parseModule(source);
    return 'OK';
  } catch (e) {
    if (e instanceof PyException) return e.toPython();
    throw e;
  }
}

/**
 * Every expected line was printed by /usr/bin/python3 (CPython 3.11.2) for
 * `compile(source, '<console>', 'exec')`.
 */
const SYNTAX_ERRORS: [string, string][] = [
  ["request.session['k'", "SyntaxError: '[' was never closed"],
  ["request.session['k", 'SyntaxError: unterminated string literal (detected at line 1)'],
  ['request.session["k\']', 'SyntaxError: unterminated string literal (detected at line 1)'],
  ["request.session['k']]", "SyntaxError: unmatched ']'"],
  [
    "request.session['k')",
    "SyntaxError: closing parenthesis ')' does not match opening parenthesis '['",
  ],
  ["request.session.get('k'", "SyntaxError: '(' was never closed"],
  ["request.session.get('k',", "SyntaxError: '(' was never closed"],
  ["request.session.get('k'))", "SyntaxError: unmatched ')'"],
  ["request.session.get('k')]", "SyntaxError: unmatched ']'"],
  ['request.session.set_expiry(timedelta(days=1)', "SyntaxError: '(' was never closed"],
  ["request.session['k'] = [1, 2", "SyntaxError: '[' was never closed"],
  ["request.session['k'] = {'a': 1", "SyntaxError: '{' was never closed"],
  [
    "request.session['k'] = (1, 2]",
    "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('",
  ],
  ["request.session['k'] = 'abc", 'SyntaxError: unterminated string literal (detected at line 1)'],
  [
    'request.session[\'k\'] = """abc',
    'SyntaxError: unterminated triple-quoted string literal (detected at line 1)',
  ],
  ['request.session.', 'SyntaxError: invalid syntax'],
  ["request.session['k'] =", 'SyntaxError: invalid syntax'],
  ["request.session['k'] = = 1", 'SyntaxError: invalid syntax'],
  ["request.session get('k')", 'SyntaxError: invalid syntax'],
  ['request session', 'SyntaxError: invalid syntax'],
  ["request.session.['k']", 'SyntaxError: invalid syntax'],
  ['request.session[]', 'SyntaxError: invalid syntax'],
  ['request.session.get(,)', 'SyntaxError: invalid syntax'],
  ["request.session.get('a',,)", 'SyntaxError: invalid syntax'],
  ['request.session.get(k=)', 'SyntaxError: invalid syntax'],
  ["request.session.get('k' 1)", 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
  ["request.session.get('k' default)", 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
  ["request.session['k'] = 1 2", 'SyntaxError: invalid syntax'],
  ['[a b]', 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
  ['f(1 2', "SyntaxError: '(' was never closed"],
  ['f(1,,', 'SyntaxError: invalid syntax'],
  ['f(1 +', "SyntaxError: '(' was never closed"],
  [
    "request.session.get('k'=1)",
    'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?',
  ],
  [
    'request.session.get(x.y=1)',
    'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?',
  ],
  ['request.session.get(a=1, 2)', 'SyntaxError: positional argument follows keyword argument'],
  ['f(**a, b)', 'SyntaxError: positional argument follows keyword argument unpacking'],
  [
    'request.session.get(**{}, *[])',
    'SyntaxError: iterable argument unpacking follows keyword argument unpacking',
  ],
  ['f(x, *)', 'SyntaxError: iterable argument unpacking follows keyword argument unpacking'],
  ['request.session.get(True=1)', 'SyntaxError: cannot assign to True'],
  [
    'request.session.get(1, x for x in y)',
    'SyntaxError: Generator expression must be parenthesized',
  ],
  [
    'request.session.get(a=1 for x in y)',
    "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
  ],
  [
    'request.session[k=1]',
    "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
  ],
  [
    'request.session.get() = 1',
    "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?",
  ],
  ["'k' = 1", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?"],
  ["request.session['k'] := 1", 'SyntaxError: cannot use assignment expressions with subscript'],
  ["del request.session.get('k')", 'SyntaxError: cannot delete function call'],
  ["del 'k'", 'SyntaxError: cannot delete literal'],
  ['f() += 1', "SyntaxError: 'function call' is an illegal expression for augmented assignment"],
  ["request.session['k'] == 1 = 2", 'SyntaxError: cannot assign to comparison'],
  ["request.session['k'] = 1 = 2", 'SyntaxError: cannot assign to literal'],
  ['1 if 2', "SyntaxError: expected 'else' after 'if' expression"],
  ["print 'x'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"],
  ['*a', "SyntaxError: can't use starred expression here"],
  ['*a = 1', 'SyntaxError: starred assignment target must be in a list or tuple'],
  ['(*a)', 'SyntaxError: cannot use starred expression here'],
  ['(**a)', 'SyntaxError: cannot use double starred expression here'],
  ['request.session.get(k=1, k=2)', 'SyntaxError: keyword argument repeated: k'],
  ['yield 1', "SyntaxError: 'yield' outside function"],
  ['return 1', "SyntaxError: 'return' outside function"],
  ['await x', "SyntaxError: 'await' outside function"],
  ['x = 1 + \\', 'SyntaxError: unexpected EOF while parsing'],
  ['x = 1 \\ 2', 'SyntaxError: unexpected character after line continuation character'],
  ['request.session[‘k’]', "SyntaxError: invalid character '‘' (U+2018)"],
  ["request.session['k'] = 1 €", "SyntaxError: invalid character '€' (U+20AC)"],
  ["request.session['k'] = 1 $", 'SyntaxError: invalid syntax'],
  [
    "request.session['k'] = 012",
    'SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
  ],
  ["request.session['k'] = 0x", 'SyntaxError: invalid hexadecimal literal'],
  ["request.session['k'] = 1__0", 'SyntaxError: invalid decimal literal'],
  ["request.session['k'] = 1_", 'SyntaxError: invalid decimal literal'],
  ["request.session['k'] = 0b2", "SyntaxError: invalid digit '2' in binary literal"],
  ["request.session['k'] = 0o8", "SyntaxError: invalid digit '8' in octal literal"],
  ["request.session['k'] = 1abc", 'SyntaxError: invalid decimal literal'],
  ["request.session['k'] = 1e", 'SyntaxError: invalid decimal literal'],
  ["request.session['k'] = 0b", 'SyntaxError: invalid binary literal'],
  [
    "request.session['k'] = '\\x4'",
    "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
  ],
  [
    "request.session['k'] = '\\u12'",
    "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape",
  ],
  [
    "request.session['k'] = 'é\\x4'",
    "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape",
  ],
  [
    "request.session['k'] = '\\U00110000'",
    "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
  ],
  [
    "request.session['k'] = '\\Nx'",
    "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape",
  ],
  ["request.session['k'] = b'\\x4'", 'SyntaxError: (value error) invalid \\x escape at position 0'],
  ["request.session['k'] = b'é'", 'SyntaxError: bytes can only contain ASCII literal characters'],
  ["request.session['k'] = 'a' b'b'", 'SyntaxError: cannot mix bytes and nonbytes literals'],
  ["{'a' 1}", 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
  ["{'a': }", "SyntaxError: expression expected after dictionary key and ':'"],
  ["{'a': 1, 'b'}", "SyntaxError: ':' expected after dictionary key"],
  ["{'a': 1, 'b' 2}", "SyntaxError: ':' expected after dictionary key"],
  ["{'a': 1, 'b': *c}", 'SyntaxError: cannot use a starred expression in a dictionary value'],
  ['[x for x in]', 'SyntaxError: invalid syntax'],
  ['[*x for x in y]', 'SyntaxError: iterable unpacking cannot be used in comprehension'],
  ['[x, y for x in z]', 'SyntaxError: did you forget parentheses around the comprehension target?'],
  ['lambda: ', 'SyntaxError: invalid syntax'],
  ["request.session['a'], = 1 =", 'SyntaxError: cannot assign to literal'],
  ['from x import a,', 'SyntaxError: trailing comma not allowed without surrounding parentheses'],
  [';', 'SyntaxError: invalid syntax'],
  ['a = 1;;', 'SyntaxError: invalid syntax'],
  ["request.session['k'] = (1 2)", 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
];

describe('parser: SyntaxError messages as CPython 3.11 prints them', () => {
  it.each(SYNTAX_ERRORS)('%s', (source, expected) => {
    expect(compileResult(source)).toBe(expected);
  });
});

describe('parser: multi-line sources (also measured)', () => {
  it.each([
    ["x = '''a\nb", 'SyntaxError: unterminated triple-quoted string literal (detected at line 2)'],
    ["x = 'ab\\\ncd", 'SyntaxError: unterminated string literal (detected at line 2)'],
    ['f(\n1 2\n)', 'SyntaxError: invalid syntax. Perhaps you forgot a comma?'],
    [
      'f(\n]',
      "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1",
    ],
    ['x = 1\n  y = 2', 'IndentationError: unexpected indent'],
    ['x = [\n1,\n2\n]', 'OK'],
    ['x = \\\n1', 'OK'],
    ['a\0', 'ValueError: source code string cannot contain null bytes'],
    ['@x', 'SyntaxError: invalid syntax'],
    [
      "@x['n'] = 1",
      "SyntaxError: cannot assign to subscript here. Maybe you meant '==' instead of '='?",
    ],
    ['x = \u00a0 1', 'SyntaxError: invalid non-printable character U+00A0'],
    ['x = 1\u200b', 'SyntaxError: invalid decimal literal'],
  ])('%j', (source, expected) => {
    expect(compileResult(source)).toBe(expected);
  });
});

describe('parser: valid Python', () => {
  it.each([
    "request.session['k'] = {1: 'a', None: [1, (2,)], 2.5: ()}",
    "request.session.get(*['a'], **{'default': 1})",
    'request.session.set_expiry(timezone.now() + timedelta(days=1, hours=2))',
    "'k' not in request.session",
    "not 'k' in request.session",
    'x = a = 1',
    "request.session['k'] =+ 1",
    "request.session.get('k' 'default')",
    "request.session['k']  # a comment",
    "request.session['k'];",
    'a = 1; b = 2',
    '[x for x in y if x]',
    'lambda x, *a, y=1, **k: x',
    'f(a, *b, c=1, **d)',
    '(x := 1)',
    'x[1:2, ::3]',
    'from datetime import timedelta as td',
    '1if 1 else 2',
  ])('%s', (source) => {
    expect(compileResult(source)).toBe('OK');
  });

  it('builds the tree the console evaluates', () => {
    const [stmt] = parseModule("request.session['k'] = [1, 2.0]");
    expect(stmt?.kind).toBe('Assign');
    if (stmt?.kind !== 'Assign') return;
    expect(stmt.targets[0]?.kind).toBe('Subscript');
    expect(stmt.value).toMatchObject({
      kind: 'List',
      elts: [
        { kind: 'Constant', value: 1n },
        { kind: 'Constant', value: 2 },
      ],
    });
  });
});

describe('tokenizer', () => {
  it('keeps the bracket level on each token, as the "forgot a comma" check reads it', () => {
    expect(tokenize('f(a[1])').map((t) => [t.string, t.level])).toEqual([
      ['f', 0],
      ['(', 1],
      ['a', 1],
      ['[', 2],
      ['1', 2],
      [']', 1],
      [')', 0],
      ['\n', 0],
      ['', 0],
    ]);
  });

  it('leaves the end of input inside brackets as a soft error token', () => {
    const tokens = tokenize('f(1,');
    const last = tokens[tokens.length - 1];
    expect(last?.type).toBe('ERROR');
    expect(last?.error?.toPython()).toBe("SyntaxError: '(' was never closed");
  });
});

describe('string literals', () => {
  it.each([
    ["'a\\nb'", 'a\nb'],
    ["'\\t\\\\\\'\\\"'", '\t\\\'"'],
    ["'\\x41\\u00e9\\U0001F600'", 'Aé😀'],
    ["r'a\\nb'", 'a\\nb'],
    ["'\\101\\0'", 'A\0'],
    ["'\\d'", '\\d'],
    ["'''x'y'''", "x'y"],
    ['""', ''],
  ])('%s', (token, value) => {
    expect(parseStringToken(token).value).toBe(value);
  });

  it('marks what it cannot decode', () => {
    expect(parseStringToken("'\\N{DEGREE SIGN}'").unsupported).toBe('the escape \\N{DEGREE SIGN}');
    expect(parseStringToken("b'x'").bytes).toBe(true);
    expect(parseStringToken("f'{x}'").fstring).toBe(true);
  });
});

describe('"Did you mean" suggestions (Python/suggestions.c)', () => {
  it.each([
    ['sesion', ['path', 'session', 'method'], 'session'],
    ['true', ['True', 'False'], 'True'],
    ['null', ['None', 'True'], undefined],
    ['Ture', ['True'], undefined],
    ['key', ['keys', 'get'], 'keys'],
    ['cookies', ['COOKIES'], undefined],
    ['COOKIE', ['COOKIES'], 'COOKIES'],
  ] as [string, string[], string | undefined][])('%s', (name, candidates, hint) => {
    expect(suggest(name, candidates)).toBe(hint);
  });
});
