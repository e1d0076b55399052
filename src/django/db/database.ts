/**
 * A tiny in-memory relational store: enough of what Django's ORM does against SQLite for the
 * `django_session` table (insert that fails on a duplicate key, forced update that reports no
 * rows, filtered delete), with change notifications so the playground can list and persist rows.
 */
import { DatabaseError, IntegrityError, OperationalError } from '../core/exceptions';

export class Table<Row extends object> {
  private readonly rows = new Map<string, Row>();

  constructor(
    readonly name: string,
    private readonly primaryKey: keyof Row & string,
    private readonly changed: () => void,
  ) {}

  get size(): number {
    return this.rows.size;
  }
  get(pk: string): Row | undefined {
    return this.rows.get(pk);
  }
  all(): Row[] {
    return [...this.rows.values()];
  }
  /** `obj.save(force_insert=True)` */
  insert(row: Row): void {
    const pk = String(row[this.primaryKey]);
    if (this.rows.has(pk)) {
      throw new IntegrityError(`UNIQUE constraint failed: ${this.name}.${this.primaryKey}`);
    }
    this.rows.set(pk, row);
    this.changed();
  }
  /** `obj.save(force_update=True)`: DatabaseError when no row had that key. */
  update(row: Row): void {
    const pk = String(row[this.primaryKey]);
    if (!this.rows.has(pk)) throw new DatabaseError('Forced update did not affect any rows.');
    this.rows.set(pk, row);
    this.changed();
  }
  delete(pk: string): boolean {
    const deleted = this.rows.delete(pk);
    if (deleted) this.changed();
    return deleted;
  }
  /** `Model.objects.filter(...).delete()`; returns how many rows went. */
  deleteWhere(predicate: (row: Row) => boolean): number {
    let count = 0;
    for (const [pk, row] of this.rows) {
      if (predicate(row)) {
        this.rows.delete(pk);
        count++;
      }
    }
    if (count) this.changed();
    return count;
  }
  /** Replaces every row (restoring persisted state), without validation beyond the key. */
  restore(rows: readonly Row[]): void {
    this.rows.clear();
    for (const row of rows) this.rows.set(String(row[this.primaryKey]), row);
    this.changed();
  }
}

export class Database {
  private readonly tables = new Map<string, Table<object>>();
  private readonly listeners = new Set<(table: string) => void>();

  /** What `migrate` does for a model: create its table (once). */
  createTable<Row extends object>(name: string, primaryKey: keyof Row & string): Table<Row> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Table<Row>(name, primaryKey, () => this.notify(name)) as unknown as Table<object>;
      this.tables.set(name, table);
      this.notify(name);
    }
    return table as unknown as Table<Row>;
  }

  hasTable(name: string): boolean {
    return this.tables.has(name);
  }

  /** A table, or SQLite's `no such table` error when its app was never migrated. */
  table<Row extends object>(name: string): Table<Row> {
    const table = this.tables.get(name);
    if (!table) throw new OperationalError(`no such table: ${name}`);
    return table as unknown as Table<Row>;
  }

  dropTable(name: string): void {
    if (this.tables.delete(name)) this.notify(name);
  }

  subscribe(listener: (table: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(name: string): void {
    for (const l of this.listeners) l(name);
  }
}
