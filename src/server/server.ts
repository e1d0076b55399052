/**
 * The tutorial's Django site as one object: its settings, its database, cache and files, its
 * clock, and the request pipeline. `handle()` takes a request and gives back everything the
 * playground shows about it: the HTTP response and the session middleware's reasoning.
 */
import { configure, type Settings } from '../django/conf/global_settings';
import { CacheHandler, type CacheEntry } from '../django/core/cache';
import { MemoryFileSystem, type FileEntry } from '../django/core/files/fs';
import { BaseHandler } from '../django/core/handlers/base';
import { response_for_exception } from '../django/core/handlers/exception';
import { Database } from '../django/db/database';
import { HttpRequest, type RequestInit } from '../django/http/request';
import type { HttpResponse } from '../django/http/response';
import { migrate, objects, SESSION_TABLE, type Session } from '../django/contrib/sessions/models';
import { sessionTraceOf, type SessionTrace } from '../django/contrib/sessions/middleware';
import { import_engine } from '../django/contrib/sessions/backends';
import { SessionStore as DbStore } from '../django/contrib/sessions/backends/db';
import { TEMP_DIR } from '../django/contrib/sessions/backends/file';
import { KEY_PREFIX as CACHE_PREFIX } from '../django/contrib/sessions/backends/cache';
import { KEY_PREFIX as CACHED_DB_PREFIX } from '../django/contrib/sessions/backends/cached_db';
import {
  cryptoRandom,
  type Clock,
  type LogRecord,
  type RandomSource,
  type Runtime,
} from '../django/runtime';
import { registerTemplates } from '../django/template/engine';
import { http_date } from '../django/utils/http';
import * as timezone from '../django/utils/timezone';
import { PyDateTime, PyDict, type PyValue } from '../python';
import { templates } from './myapp/templates';
import { migrate as migrateMyapp, MESSAGE_TABLE, type Message } from './myapp/models';
import { urlconf } from './mysite/urls';
import { projectSettings, SESSION_APP } from './mysite/settings';
import { viewNoteOf, type ViewNote } from './viewNotes';

registerTemplates(templates);

/** One request/response as the playground shows it. */
export interface Exchange {
  status: number;
  reason: string;
  /** Response headers without Set-Cookie, in order. */
  headers: [string, string][];
  /** Each Set-Cookie header value, verbatim. */
  setCookies: string[];
  body: string;
  contentType: string;
  session?: SessionTrace;
  view?: ViewNote;
  logs: LogRecord[];
}

/** A row of the store panel, whatever the engine. */
export interface StoredSession {
  key: string;
  data: PyDict;
  /** db/cached_db/file: the encoded string as stored. */
  sessionData?: string;
  /** Epoch milliseconds; null: never (a cache entry without timeout). */
  expiresAt: number | null;
  /** A db row past its expire_date still sits in the table until clear_expired(). */
  expired: boolean;
  /** Where this row lives. */
  where: 'db' | 'cache' | 'file';
}

/** What survives a page reload: database rows and files (caches are process memory). */
export interface ServerSnapshot {
  migrated: boolean;
  rows: { session_key: string; session_data: string; expire_date: string }[];
  files: FileEntry[];
  /** The guestbook's rows (lab 15); absent in worlds saved before it existed. */
  guestbook?: Message[];
}

export interface ServerOptions {
  clock: Clock;
  random?: RandomSource;
  settings?: Partial<Settings>;
  /** Run `migrate` at start (a fresh project has no django_session table until then). */
  migrate?: boolean;
}

export class DjangoServer {
  readonly runtime: Runtime;
  readonly db = new Database();
  readonly files: MemoryFileSystem;
  caches: CacheHandler;
  private handler: BaseHandler | null = null;
  private requestLogs: LogRecord[] | null = null;
  private readonly logListeners = new Set<(r: LogRecord) => void>();

  constructor(options: ServerOptions) {
    this.files = new MemoryFileSystem(options.clock);
    this.caches = new CacheHandler(options.clock);
    this.runtime = {
      settings: projectSettings(options.settings),
      clock: options.clock,
      random: options.random ?? cryptoRandom,
      db: this.db,
      caches: this.caches,
      files: this.files,
      log: (record) => {
        this.requestLogs?.push(record);
        for (const l of this.logListeners) l(record);
      },
    };
    if (options.migrate ?? true) this.migrate();
  }

  get settings(): Settings {
    return this.runtime.settings;
  }

  /** Settings change like an edited settings.py: the server reloads (the cache survives, as with runserver's autoreload it would not; see restart()). */
  configure(overrides: Partial<Settings>): void {
    this.runtime.settings = configure({ ...this.runtime.settings, ...overrides });
    this.handler = null;
  }

  /**
   * `python manage.py migrate`: creates myapp's table, and django_session when the sessions app
   * is installed (the answer: whether it is).
   */
  migrate(): boolean {
    migrateMyapp(this.runtime);
    if (!this.settings.INSTALLED_APPS.includes(SESSION_APP)) return false;
    migrate(this.runtime);
    return true;
  }

  get migrated(): boolean {
    return this.db.hasTable(SESSION_TABLE);
  }

  /** The process restarts: memory (the cache) is lost; the database and files stay. */
  restart(): void {
    this.caches.clearAll();
    this.handler = null;
  }

  onLog(listener: (r: LogRecord) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** One request through the middleware and the view. Never throws: errors become responses. */
  handle(init: RequestInit): Exchange {
    const logs: LogRecord[] = [];
    this.requestLogs = logs;
    try {
      const request = new HttpRequest(init, this.runtime);
      let response: HttpResponse;
      try {
        this.handler ??= new BaseHandler(this.runtime, urlconf);
        response = this.handler.get_response(request);
      } catch (exc) {
        // get_response() turns every error into a response; only building the handler can
        // throw: a bad MIDDLEWARE entry or SESSION_ENGINE, which stops Django at startup
        // (runserver prints the traceback). Settings change live here, so the request gets the
        // 500 that explains it, and the next request tries again.
        response = response_for_exception(request, exc, urlconf);
      }
      const headers = response.headers.entries();
      const length = new TextEncoder().encode(response.content).length;
      // What runserver adds on the way out.
      headers.unshift(
        ['Date', http_date(timezone.time(this.runtime))],
        ['Server', 'WSGIServer/0.2 CPython/3.12'],
      );
      headers.push(['Content-Length', String(length)]);
      return {
        status: response.status_code,
        reason: response.reason_phrase,
        headers,
        setCookies: response.setCookieHeaders(),
        body: response.content,
        contentType: response.headers.get('Content-Type') ?? '',
        session: sessionTraceOf(request),
        view: viewNoteOf(request),
        logs,
      };
    } finally {
      this.requestLogs = null;
    }
  }

  /** `SessionStore.clear_expired()` for the current engine (`manage.py clearsessions`). */
  clearExpired(): void {
    import_engine(this.settings.SESSION_ENGINE).SessionStore.clear_expired(this.runtime);
  }

  /** Everything the server holds for sessions now, as the store panel lists it. */
  storedSessions(): StoredSession[] {
    const engine = this.settings.SESSION_ENGINE.replace('django.contrib.sessions.backends.', '');
    const nowMs = this.runtime.clock.now();
    const decoder = new DbStore(this.runtime);
    const out: StoredSession[] = [];
    if ((engine === 'db' || engine === 'cached_db') && this.migrated) {
      for (const row of this.db.table<Session>(SESSION_TABLE).all()) {
        const expiresAt = Number(row.expire_date.epochMicroseconds) / 1000;
        out.push({
          key: row.session_key,
          data: decoder.decode(row.session_data),
          sessionData: row.session_data,
          expiresAt,
          expired: expiresAt <= nowMs,
          where: 'db',
        });
      }
    }
    if (engine === 'cache' || engine === 'cached_db') {
      const prefix = this.caches
        .get(this.settings.SESSION_CACHE_ALIAS)
        .make_key(engine === 'cache' ? CACHE_PREFIX : CACHED_DB_PREFIX);
      for (const entry of this.cacheEntries()) {
        if (!entry.key.startsWith(prefix) || !(entry.value instanceof PyDict)) continue;
        out.push({
          key: entry.key.slice(prefix.length),
          data: entry.value,
          expiresAt: entry.expiresAt === null ? null : entry.expiresAt * 1000,
          expired: false,
          where: 'cache',
        });
      }
    }
    if (engine === 'file') {
      const dir = this.settings.SESSION_FILE_PATH || TEMP_DIR;
      const prefix = this.settings.SESSION_COOKIE_NAME;
      for (const f of this.files.entries()) {
        const name = f.path.slice(dir.length + 1);
        if (!f.path.startsWith(dir + '/') || !name.startsWith(prefix)) continue;
        const data = f.content ? decoder.decode(f.content) : new PyDict();
        const expiry = data.get('_session_expiry');
        const expiresAt = this.fileExpiry(expiry, f.mtime);
        out.push({
          key: name.slice(prefix.length),
          data,
          sessionData: f.content,
          expiresAt,
          expired: expiresAt !== null && expiresAt <= nowMs,
          where: 'file',
        });
      }
    }
    return out;
  }

  cacheEntries(): CacheEntry[] {
    return this.caches.get(this.settings.SESSION_CACHE_ALIAS).entries();
  }

  /** When the file backend will treat a file as expired (an int expiry never expires there). */
  private fileExpiry(expiry: PyValue | undefined, mtime: number): number | null {
    if (typeof expiry === 'string') {
      try {
        return Number(PyDateTime.fromisoformat(expiry).epochMicroseconds) / 1000;
      } catch {
        return null;
      }
    }
    if (typeof expiry === 'bigint' || typeof expiry === 'number')
      return Number(expiry) > 0 ? null : mtime;
    return mtime + this.settings.SESSION_COOKIE_AGE * 1000;
  }

  snapshot(): ServerSnapshot {
    return {
      migrated: this.migrated,
      rows: this.migrated
        ? this.db
            .table<Session>(SESSION_TABLE)
            .all()
            .map((r) => ({
              session_key: r.session_key,
              session_data: r.session_data,
              expire_date: r.expire_date.isoformat(),
            }))
        : [],
      files: this.files.entries(),
      guestbook: this.db.hasTable(MESSAGE_TABLE)
        ? this.db
            .table<Message>(MESSAGE_TABLE)
            .all()
            .map((m) => ({ ...m }))
        : [],
    };
  }

  /** Restores a snapshot; the caller has validated its shape. */
  restore(snapshot: ServerSnapshot): void {
    if (snapshot.migrated) {
      migrate(this.runtime);
      this.db.table<Session>(SESSION_TABLE).restore(
        snapshot.rows.map((r) => ({
          session_key: r.session_key,
          session_data: r.session_data,
          expire_date: PyDateTime.fromisoformat(r.expire_date),
        })),
      );
    } else this.db.dropTable(SESSION_TABLE);
    migrateMyapp(this.runtime).restore((snapshot.guestbook ?? []).map((m) => ({ ...m })));
    this.files.restore(snapshot.files);
  }

  /** For tests and the store panel: the table through the model (honours INSTALLED_APPS). */
  sessionRows(): Session[] {
    return objects(this.runtime).all();
  }
}
