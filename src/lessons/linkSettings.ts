/**
 * Settings carried by a step's link, for instructors to hand out a lab already configured:
 * `#/lesson/httponly-xss/2?SESSION_COOKIE_HTTPONLY=False&SESSION_COOKIE_AGE=60`. Values are
 * written as in settings.py (`True`, `None`, `60`, `'None'`), so a link can be typed by hand;
 * the engine may be given by its short name or its dotted path.
 */
import * as v from 'valibot';
import { checkInput } from '../world/schema';
import {
  DEFAULT_EDITABLE,
  ENGINE_PREFIX,
  validateSettings,
  type EditableSettings,
  type SettingError,
} from '../world/settings';

type Name = keyof EditableSettings;

export interface LinkSettingProblem {
  name: string;
  value: string;
  /**
   * 'unknown': no such setting; 'link-too-long': the link carries more than a link ever needs
   * (refused whole, before reading it); otherwise why Django (or the playground) would refuse it.
   */
  code: 'unknown' | 'link-too-long' | SettingError['code'];
}

/**
 * Stated limits: every setting spelled out at its longest is far below them (a cookie name may
 * be long, but a link is typed and shared by people). Above them nothing is read.
 */
export const MAX_LINK_SETTINGS = 30;
export const MAX_LINK_CHARS = 2000;
/** How much of a refused value the message quotes. */
const QUOTE = 60;

const linkParams = v.pipe(
  v.array(v.tuple([v.string(), v.string()])),
  v.maxLength(MAX_LINK_SETTINGS),
  v.check(
    (pairs) => pairs.reduce((n, [k, val]) => n + k.length + val.length + 2, 0) <= MAX_LINK_CHARS,
    'input.tooLong',
  ),
);

const quote = (s: string) => (s.length > QUOTE ? s.slice(0, QUOTE) + '…' : s);

export interface LinkSettings {
  /** What the link sets; empty when any of it is refused (a link applies whole or not at all). */
  patch: Partial<EditableSettings>;
  problems: LinkSettingProblem[];
}

const NAMES = Object.keys(DEFAULT_EDITABLE) as Name[];
const isName = (n: string): n is Name => (NAMES as string[]).includes(n);

/** A Python literal as written in settings.py, read for a setting of the default's type. */
function readValue(name: Name, text: string): unknown {
  const quoted = /^(['"])(.*)\1$/.exec(text);
  const str = quoted ? (quoted[2] as string) : text;
  switch (name) {
    case 'SESSION_ENGINE':
      return str.startsWith(ENGINE_PREFIX) ? str.slice(ENGINE_PREFIX.length) : str;
    case 'SESSION_COOKIE_AGE':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'SESSION_COOKIE_DOMAIN':
      return !quoted && text === 'None' ? null : str;
    case 'SESSION_COOKIE_SAMESITE':
      // Django adds no SameSite attribute for a falsy value, Python's None as well as False;
      // the string 'None' (quoted) is the attribute SameSite=None.
      return !quoted && (text === 'False' || text === 'None') ? false : str;
    case 'DJANGO_VERSION': // '5.2' or 5.2: a version number reads as a float in settings.py
    case 'SESSION_COOKIE_NAME':
    case 'SESSION_COOKIE_PATH':
      return str;
    default:
      return text === 'True' ? true : text === 'False' ? false : text;
  }
}

/** Reads a link's settings (the hash's query, without `lang`). */
export function parseLinkSettings(params: Iterable<[string, string]>): LinkSettings {
  const pairs = [...params];
  const checked = checkInput(linkParams, pairs, 'link');
  if (!checked.ok) {
    const [name = '', value = ''] = pairs[0] ?? [];
    return {
      patch: {},
      problems: [{ name: quote(name), value: quote(value), code: 'link-too-long' }],
    };
  }
  const problems: LinkSettingProblem[] = [];
  const patch: Record<string, unknown> = {};
  const raw = new Map<string, string>();
  for (const [name, value] of checked.value) {
    raw.set(name, value);
    if (isName(name)) patch[name] = readValue(name, value);
    else problems.push({ name: quote(name), value: quote(value), code: 'unknown' });
  }
  for (const e of validateSettings({ ...DEFAULT_EDITABLE, ...patch })) {
    problems.push({ name: e.setting, value: quote(raw.get(e.setting) ?? ''), code: e.code });
  }
  return { patch: problems.length ? {} : (patch as Partial<EditableSettings>), problems };
}

/** A setting's value as settings.py would spell it. */
export function pythonLiteral(name: Name, value: EditableSettings[Name]): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (name === 'SESSION_ENGINE') return `'${ENGINE_PREFIX}${value}'`;
  return `'${value}'`;
}

// Shorter than settings.py where that reads the same: the engine by its short name, strings
// unquoted unless bare they would mean something else (the SameSite string 'None').
function linkValue(name: Name, value: EditableSettings[Name]): string {
  if (name === 'SESSION_ENGINE') return String(value);
  if (typeof value === 'string' && value !== 'None') return value;
  return pythonLiteral(name, value);
}

/** The query a link needs to recreate these settings: only what differs from Django's defaults. */
export function formatLinkSettings(settings: EditableSettings): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of NAMES) {
    const value = settings[name];
    if (Object.is(value, DEFAULT_EDITABLE[name])) continue;
    params.set(name, linkValue(name, value));
  }
  return params;
}
