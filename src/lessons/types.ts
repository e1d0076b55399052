/**
 * Lessons are data (content/lessons/<nn-slug>/): lesson.json holds the steps (code, action,
 * check), en.md and bn.md hold the prose, one `## <step-id>` section per step. This file is the
 * contract between the content, the runner (src/lessons) and the lesson player (src/ui).
 */
import type { EditableSettings } from '../world/settings';

/** A value that may differ by language: `"alice"` or `{"en": "alice", "bn": "রহিম"}`. */
export type Localized<T> = T | { en: T; bn: T };

export type BrowserId = string; // 'A', 'B', ...

/** The browser a check or action means when it names none. */
export const DEFAULT_BROWSER: BrowserId = 'A';

/** What "do it for me" does; a step may list several, done in order. */
export type Action =
  /** Type a path in the address bar and press Go. */
  | { type: 'navigate'; browser?: BrowserId; path: string }
  /** Fill and submit a form of the current page (index 0 by default). */
  | {
      type: 'submit';
      browser?: BrowserId;
      form?: number;
      values: Record<string, Localized<string>>;
    }
  /** Run one line in the console (Python, as the student would type it). */
  | { type: 'console'; browser?: BrowserId; code: Localized<string> }
  /** Change settings (and Apply). */
  | { type: 'settings'; patch: Partial<EditableSettings> }
  /** Move the virtual clock forward by this many seconds. */
  | { type: 'advance'; seconds: number }
  | { type: 'closeBrowser'; browser?: BrowserId }
  /**
   * Open another browser: the next letter (B, C, ...), or, with `id`, that browser unless it is
   * open already (a step's starting condition names the browser it needs).
   */
  | { type: 'addBrowser'; id?: BrowserId; name?: Localized<string> }
  /** Plant a cookie by hand, as DevTools (or an attacker) would. */
  | { type: 'plantCookie'; browser?: BrowserId; name: string; value: string }
  /** Delete every cookie of this name from the browser's jar, as DevTools would. */
  | { type: 'deleteCookie'; browser?: BrowserId; name: string }
  /**
   * The attacker plants, in her browser, the cookies of the last value a page script sent to her
   * (simulated) server, as she would paste a stolen `document.cookie` (lab 15).
   */
  | { type: 'replayStolen'; browser?: BrowserId }
  | { type: 'clearExpired' }
  | { type: 'restartServer' }
  /** Show a panel (the player switches to it; no effect on the world). */
  | { type: 'showPanel'; panel: 'cookies' | 'network' | 'store' | 'console' | 'settings' };

/** What the engine must confirm before "next" lights up. Evaluated on every world change. */
export type Check =
  /** A reading step: nothing to do. */
  | { type: 'read' }
  /** Some request since the step began matched every field given. */
  | {
      type: 'response';
      browser?: BrowserId;
      method?: 'GET' | 'POST';
      path?: string;
      status?: number;
      /** The response set (or deleted, see `deletesCookie`) a cookie of this name. */
      setsCookie?: string;
      deletesCookie?: string;
      /** The page text (tags removed) contains this. */
      bodyIncludes?: Localized<string>;
      /** The session middleware's decision (see SessionTrace.decision). */
      decision?: string;
      /** A console request that used this session method (`setitem`, `flush`...). */
      consoleMethod?: string;
    }
  /**
   * The browser's jar now has (or has not) this cookie; `session`: it lasts until the browser
   * closes; `httpOnly`: its HttpOnly flag is this; `value`: its value is this; `expiresWithin`:
   * it expires at most this many seconds from now; `lasts`: it outlives this many seconds from
   * now (a cookie that lasts until the browser closes does).
   */
  | {
      type: 'cookie';
      browser?: BrowserId;
      name: string;
      present: boolean;
      session?: boolean;
      httpOnly?: boolean;
      value?: string;
      expiresWithin?: number;
      lasts?: number;
    }
  /**
   * Since the step began, a page script sent the attacker's server a `document.cookie` that was
   * not empty (`present: true`; containing `contains`, if given), or sent none (`false`). An
   * empty value sent (HttpOnly hid everything) is not a theft.
   */
  | { type: 'stolen'; present: boolean; contains?: string }
  /** The server's store now: how many sessions, whether one holds this key/value, expired rows. */
  | {
      type: 'store';
      /** At least this many stored sessions (rows, cache entries or files). */
      atLeast?: number;
      /** Exactly this many. */
      count?: number;
      /** Some stored session's data has this key (and, if given, this value). */
      dataKey?: string;
      dataValue?: Localized<string>;
      /** At least one row is past its expiry but still stored (true), or none is (false). */
      expired?: boolean;
    }
  /** The setting now has this value. */
  | { type: 'setting'; name: keyof EditableSettings; value: unknown }
  /** The virtual clock moved at least this many seconds since the step began. */
  | { type: 'clockAdvanced'; seconds: number }
  /**
   * The browser's address is this path (`form`: and the page it shows has a form to submit,
   * as the login form on /myapp/connection/ when nobody is logged in).
   */
  | { type: 'page'; browser?: BrowserId; path: string; form?: boolean }
  /**
   * What the server holds for the session the browser's cookie names (rows, cache entries, files,
   * or the signed cookie itself): its data has this key (and this value), or not (`present`
   * false also when the browser has no session at all). "Logged in as alice", in data terms.
   */
  | {
      type: 'session';
      browser?: BrowserId;
      key: string;
      present: boolean;
      value?: Localized<string>;
    }
  /** The browser is open in the workbench (`present`), or not. */
  | { type: 'browser'; browser: BrowserId; present: boolean }
  | { type: 'all'; checks: Check[] }
  | { type: 'any'; checks: Check[] };

export interface CodeBlock {
  /** Shown above the code, e.g. "myapp/views.py"; words around a path differ by language. */
  file: Localized<string>;
  lines: string[];
  /** 1-based line numbers of the lines that run in this step. */
  highlight?: number[];
}

export interface StepCode {
  /** The tutorial's version (often old Django), and the same code in modern Django. */
  tutorial?: CodeBlock;
  modern?: CodeBlock;
}

/** A question answered before the step runs, graded by what the engine then does (labs). */
export interface Prediction {
  id: string;
  /** Option ids; their text is in the prose files as `- [id] text` under `### predict:<id>`. */
  options: string[];
  /** The option that matches what the engine does. */
  answer: string;
}

/**
 * Part of a step's starting condition: what must hold when the step begins, and what "do it for
 * me" does first when it does not (log out, open the page with the form, open browser B...).
 */
export interface Condition {
  holds: Check;
  fix: Action[];
}

export interface StepDef {
  id: string;
  code?: StepCode;
  /** The step's starting condition, checked (and made true) by "do it for me" before `actions`. */
  before?: Condition[];
  actions?: Action[];
  check: Check;
  predictions?: Prediction[];
}

/**
 * The world a lesson starts from, as a Learn Git Branching level starts from its tree: a fresh
 * playground (Django's defaults, a new SECRET_KEY, one browser on no page, the real time), with
 * these settings, then these actions done before the student sees it (a login, a second
 * browser...). `{}` is a fresh playground.
 */
export interface StartWorld {
  settings?: Partial<EditableSettings>;
  actions?: Action[];
}

export interface LessonDef {
  slug: string;
  /** In lesson.json (not in the Markdown), so the lesson list needs no prose file. */
  title: { en: string; bn: string };
  /** Position in the list; lessons 1-8 are the tutorial, labs come after. */
  order: number;
  kind: 'lesson' | 'lab';
  /** Each lesson runs in a world of its own, built from this. */
  start: StartWorld;
  steps: StepDef[];
}

/**
 * Prose of one lesson in one language, parsed from en.md / bn.md:
 *
 *     ## <step-id>
 *     Markdown: paragraphs, **bold**, *emphasis*, `code`, [links](#/lesson/login/2), lists,
 *     and `> ` lines for a callout (used for "The tutorial says ... ; in fact ...").
 *
 *     ### predict:<prediction-id>
 *     The question?
 *     - [a] first option
 *     - [b] second option
 *
 *     ### reveal
 *     What happened, and why (shown after the questions are answered or skipped).
 */
export interface LessonText {
  /** Step id -> Markdown (without its predictions and reveal). */
  steps: Record<string, string>;
  /**
   * Step id -> the Markdown that answers the step's predictions, shown once they are answered
   * or skipped (predict before you see). Only steps with predictions have one.
   */
  reveals: Record<string, string>;
  /** Prediction id -> question and options (option id -> text). */
  predictions: Record<string, { question: string; options: Record<string, string> }>;
}

export interface Lesson extends LessonDef {
  text: { en: LessonText; bn: LessonText };
}
