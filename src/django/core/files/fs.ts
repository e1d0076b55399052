/**
 * The part of Python's `os` module that the file session backend uses, over a file system the
 * playground can show (and persist): a flat map of paths to text, with modification times on the
 * virtual clock.
 */
import { FileExistsError, FileNotFoundError } from '../../../python';
import type { Clock } from '../../clock';

export interface FileEntry {
  path: string;
  content: string;
  /** Epoch milliseconds of the last write (`os.stat(path).st_mtime * 1000`). */
  mtime: number;
}

export interface FileSystem {
  isdir(path: string): boolean;
  exists(path: string): boolean;
  /** Raises FileNotFoundError. */
  read(path: string): string;
  /** `os.open(path, O_WRONLY | O_CREAT | O_EXCL)`: FileExistsError when it is there. */
  createExclusive(path: string): void;
  /** Writes (creating or replacing) the whole file, as Django's write-then-rename does. */
  write(path: string, content: string): void;
  /** Raises FileNotFoundError. */
  unlink(path: string): void;
  /** Raises FileNotFoundError. */
  mtime(path: string): number;
  /** Names (not paths) of the files directly in `dir`. */
  listdir(dir: string): string[];
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, FileEntry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly dirs: ReadonlySet<string> = new Set(['/tmp']),
  ) {}

  isdir(path: string): boolean {
    return this.dirs.has(path.replace(/\/$/, '') || '/');
  }
  exists(path: string): boolean {
    return this.files.has(path) || this.isdir(path);
  }
  read(path: string): string {
    return this.entry(path).content;
  }
  createExclusive(path: string): void {
    if (this.files.has(path)) throw new FileExistsError(path);
    this.write(path, '');
  }
  write(path: string, content: string): void {
    this.files.set(path, { path, content, mtime: this.clock.now() });
    this.changed();
  }
  unlink(path: string): void {
    this.entry(path);
    this.files.delete(path);
    this.changed();
  }
  mtime(path: string): number {
    return this.entry(path).mtime;
  }
  listdir(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length));
  }

  /** Every file, for the store panel and for persistence. */
  entries(): FileEntry[] {
    return [...this.files.values()].map((e) => ({ ...e }));
  }
  /** Replaces everything (a reload restoring persisted files). */
  restore(entries: readonly FileEntry[]): void {
    this.files.clear();
    for (const e of entries) this.files.set(e.path, { ...e });
    this.changed();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private entry(path: string): FileEntry {
    const e = this.files.get(path);
    if (!e) throw new FileNotFoundError(path);
    return e;
  }
  private changed(): void {
    for (const l of this.listeners) l();
  }
}
