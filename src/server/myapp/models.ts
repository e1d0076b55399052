/**
 * myapp/models.py: the guestbook's messages. Not in the tutorial: lab 15 (HttpOnly and XSS)
 * adds it, to have a page where one visitor's text is shown to the others.
 *
 *     class Message(models.Model):
 *         text = models.TextField()
 *
 * The messages are rows in the server's Database, like django_session: a real guestbook keeps
 * them in the database, so they survive "Restart server" and a settings change (which restarts
 * the server) and are saved with the world. The lab depends on that: the attacker's message must
 * still be there when the victim comes back after SESSION_COOKIE_HTTPONLY changed.
 */
import type { Table } from '../../django/db/database';
import type { Runtime } from '../../django/runtime';

export const MESSAGE_TABLE = 'myapp_message';

export interface Message {
  id: number;
  text: string;
}

/** `migrate` for myapp: creates the table (once). */
export function migrate(runtime: Pick<Runtime, 'db'>): Table<Message> {
  return runtime.db.createTable<Message>(MESSAGE_TABLE, 'id');
}

/** `Message.objects.create(text=...)`: the next id, as SQLite's AUTOINCREMENT gives it. */
export function createMessage(runtime: Pick<Runtime, 'db'>, text: string): Message {
  const table = runtime.db.table<Message>(MESSAGE_TABLE);
  const id = table.all().reduce((max, m) => Math.max(max, m.id), 0) + 1;
  const message = { id, text };
  table.insert(message);
  return message;
}

/** `Message.objects.order_by('id')` */
export function allMessages(runtime: Pick<Runtime, 'db'>): Message[] {
  return runtime.db
    .table<Message>(MESSAGE_TABLE)
    .all()
    .sort((a, b) => a.id - b.id);
}
