/**
 * One simulated browser as the workbench shows it: the browser itself (jar, requests), its
 * history of pages, and its console history.
 */
import { SimulatedBrowser, type BrowserRequest, type NetworkEntry } from '../browser/browser';
import { parsePage, type Page } from '../browser/page';
import type { ScriptReport } from '../browser/scripts';

export interface HistoryEntry {
  request: BrowserRequest;
  status: number;
  body: string;
  contentType: string;
  networkId: number;
  /** What the page's scripts did when it arrived (see browser/scripts.ts); absent: no scripts. */
  scripts?: ScriptReport[];
}

/** One line typed in the console and what came back. */
export interface ConsoleLine {
  input: string;
  /** What Python would print ('' for nothing). */
  output: string;
  /** True when `output` is an exception's last traceback line. */
  error: boolean;
  /** The request it made, if any (links the line to the Network panel). */
  networkId: number | null;
  /** The playground's explanation beside Python's output, shown in the page's language. */
  note?: ConsoleNote;
}

/** A message key (such as console.note.print) and its values. */
export interface ConsoleNote {
  key: string;
  values?: Record<string, string>;
}

export const CONSOLE_LIMIT = 200;

function pageOf(request: BrowserRequest, entry: NetworkEntry): HistoryEntry {
  const { status, body, contentType } = entry.response;
  return { request, status, body, contentType, networkId: entry.id };
}

export class BrowserTab {
  history: HistoryEntry[] = [];
  index = -1;
  consoleHistory: string[] = [];
  consoleLog: ConsoleLine[] = [];
  private pageCache = new WeakMap<HistoryEntry, Page>();

  constructor(
    readonly id: string,
    public name: string,
    readonly browser: SimulatedBrowser,
  ) {}

  get current(): HistoryEntry | undefined {
    return this.history[this.index];
  }

  /**
   * The current page, parsed once per history entry (at once: a big page is better parsed in
   * steps first, by the UI, see keepPage).
   */
  get page(): Page | null {
    const entry = this.current;
    if (!entry) return null;
    let page = this.pageCache.get(entry);
    if (!page) {
      page = parsePage(entry.body, entry.contentType);
      this.pageCache.set(entry, page);
    }
    return page;
  }

  /** The current page if it is parsed already; never parses. */
  get parsedPage(): Page | null {
    const entry = this.current;
    return (entry && this.pageCache.get(entry)) ?? null;
  }

  /** Keeps a page parsed elsewhere (in steps) for its history entry. */
  keepPage(entry: HistoryEntry, page: Page): void {
    this.pageCache.set(entry, page);
  }

  get address(): string {
    const entry = this.current;
    return entry ? this.browser.url(entry.request.path).href : 'about:blank';
  }

  canGoBack(): boolean {
    return this.index > 0;
  }
  canGoForward(): boolean {
    return this.index < this.history.length - 1;
  }

  /** A navigation replaces everything after the current entry. */
  push(request: BrowserRequest, entry: NetworkEntry): void {
    this.history = this.history.slice(0, this.index + 1);
    this.history.push(pageOf(request, entry));
    this.index = this.history.length - 1;
  }

  /** A reload: the current entry becomes the new answer. */
  replace(request: BrowserRequest, entry: NetworkEntry): void {
    this.history[this.index] = pageOf(request, entry);
  }

  /** Closing the browser: session cookies and history go; the next visit starts blank. */
  close(): void {
    this.browser.close();
    this.history = [];
    this.index = -1;
  }
}
