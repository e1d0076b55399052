/**
 * The tutorial's Django site as one object: its settings, its database, cache and files, its
 * clock, and the request pipeline. `handle()` takes a request and gives back everything the
 * playground shows about it: the HTTP response, the exception behind a server error, and the
 * session middleware's reasoning (observe/).
 */
import { configure, type Settings } from '../django/conf/global_settings';
import { CacheHandler } from '../django/core/cache';
import { MemoryFileSystem, type FileEntry } from '../django/core/files/fs';
import { BaseHandler } from '../django/core/handlers/base';
import { response_for_exception } from '../django/core/handlers/exception';
import { got_request_exception } from '../django/core/signals';
import { Database } from '../django/db/database';
import { HttpRequest, type RequestInit } from '../django/http/request';
import type { HttpResponse } from '../django/http/response';
import { migrate, objects, SESSION_TABLE, type Session } from '../django/contrib/sessions/models';
import { import_engine } from '../django/contrib/sessions/backends';
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
import { describeException } from '../django/views/debug';
import { SERVER_SOFTWARE } from '../django/version';
import { PyDateTime } from '../python';
import { templates } from './myapp/templates';
import { migrate as migrateMyapp, MESSAGE_TABLE, type Message } from './myapp/models';
import { urlconf } from './mysite/urls';
import { import_string } from './mysite/modules';
import { projectSettings, SESSION_APP } from './mysite/settings';
import { sessionTraceOf, type SessionTrace } from './observe/middleware';
import { storedSession, storedSessions, type StoredSession } from './observe/store';
import { viewNoteOf, type ViewNote } from './observe/views';

export type { StoredSession };

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
  /**
   * A 5xx's exception as the last line of its traceback (`TypeError: Object of type set is not
   * JSON serializable`), as Django's test client keeps it (`response.exc_info`); null otherwise.
   */
  serverError: string | null;
  session?: SessionTrace;
  view?: ViewNote;
  logs: LogRecord[];
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
    let exception: unknown = undefined;
    const receiver = ({ request, exc }: { request: HttpRequest; exc: unknown }) => {
      if (request.runtime === this.runtime) exception = exc;
    };
    got_request_exception.connect(receiver);
    try {
      const request = new HttpRequest(init, this.runtime);
      let response: HttpResponse;
      try {
        this.handler ??= new BaseHandler(this.runtime, urlconf, import_string);
        response = this.handler.get_response(request);
      } catch (exc) {
        // get_response() turns every error into a response; only building the handler can
        // throw: a bad MIDDLEWARE entry or SESSION_ENGINE, which stops Django at startup
        // (runserver prints the traceback). Settings change live here, so the request gets the
        // 500 that explains it, and the next request tries again.
        response = response_for_exception(request, exc, urlconf);
      }
      // What runserver's WSGI server writes around Django's headers: Date and Server first, and
      // `Connection: close` last, as the length of the body is not given (measured: 3.2, 5.2).
      const headers: [string, string][] = [
        ['Date', http_date(timezone.time(this.runtime))],
        ['Server', SERVER_SOFTWARE],
        ...response.headers.entries(),
        ['Connection', 'close'],
      ];
      return {
        status: response.status_code,
        reason: response.reason_phrase,
        headers,
        setCookies: response.setCookieHeaders(),
        body: response.content,
        contentType: response.headers.get('Content-Type') ?? '',
        serverError:
          response.status_code >= 500 && exception !== undefined ? lastLine(exception) : null,
        session: sessionTraceOf(request),
        view: viewNoteOf(request),
        logs,
      };
    } finally {
      got_request_exception.disconnect(receiver);
      this.requestLogs = null;
    }
  }

  /** `SessionStore.clear_expired()` for the current engine (`manage.py clearsessions`). */
  clearExpired(): void {
    import_engine(this.settings.SESSION_ENGINE).SessionStore.clear_expired(this.runtime);
  }

  /** Everything the server holds for sessions now, as the store panel lists it (observe/store.ts). */
  /** The one stored session with this key (see storedSession: no other row is decoded). */
  storedSession(key: string): StoredSession | undefined {
    return storedSession(this, key);
  }

  storedSessions(): StoredSession[] {
    return storedSessions(this);
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

/** The traceback's last line: `KeyError: 'x'`, `TypeError: ...`, or the class alone. */
function lastLine(exc: unknown): string {
  const { type, value } = describeException(exc);
  return value ? `${type}: ${value}` : type;
}
