/**
 * django/contrib/sessions/models.py (+ base_session.py): the `django_session` table.
 *
 *   session_key   varchar(40) primary key
 *   session_data  text          the encode() output: "<base64 JSON>:<timestamp>:<signature>"
 *   expire_date   datetime      indexed; clear_expired() deletes rows where it is in the past
 */
import { PyRuntimeError, type PyDateTime } from '../../../python';
import type { Table } from '../../db/database';
import type { Runtime } from '../../runtime';

export const SESSION_TABLE = 'django_session';

export interface Session {
  session_key: string;
  session_data: string;
  expire_date: PyDateTime;
}

/** `python manage.py migrate` for this app: creates the table. */
export function migrate(runtime: Pick<Runtime, 'db'>): Table<Session> {
  return runtime.db.createTable<Session>(SESSION_TABLE, 'session_key');
}

export const APP_LABEL = 'django.contrib.sessions';

/**
 * `Session.objects`: the table. Without the app in INSTALLED_APPS the model cannot load, and
 * before `migrate` the table does not exist: both as Django reports them.
 */
export function objects(runtime: Pick<Runtime, 'db' | 'settings'>): Table<Session> {
  if (!runtime.settings.INSTALLED_APPS.includes(APP_LABEL)) {
    throw new PyRuntimeError(
      "Model class django.contrib.sessions.models.Session doesn't declare an explicit app_label and isn't in an application in INSTALLED_APPS.",
    );
  }
  return runtime.db.table<Session>(SESSION_TABLE);
}
