/**
 * The page a browser tab shows, parsed for the screen. A small page (every page of the tutorial)
 * is parsed at once; a big one (a guestbook of 50,000 messages) in steps, each its own task,
 * with how far it is for a progress line: the rest of the playground stays usable meanwhile.
 * The result is kept with the history entry, so the world's own uses (forms, scripts) find it.
 */
import { useEffect, useState } from 'react';
import {
  PARSE_AT_ONCE,
  ParseCancelled,
  parsePage,
  parsePageInSteps,
  type Page,
} from '../../browser/page';
import type { BrowserTab } from '../../world/tabs';

/** A new task: setTimeout, or scheduler.yield where the browser has it (it keeps our place). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ShownPage {
  page: Page | null;
  /** From 0 to 1 while a big page is being read; null otherwise. */
  reading: number | null;
}

export function usePage(tab: BrowserTab): ShownPage {
  const entry = tab.current;
  const [reading, setReading] = useState(0);
  const [, setParsed] = useState(0);
  const small = entry !== undefined && entry.body.length <= PARSE_AT_ONCE;
  const page = tab.parsedPage ?? (small ? tab.page : null);
  useEffect(() => {
    if (!entry || page) return;
    let cancelled = false;
    setReading(0);
    parsePageInSteps(entry.body, entry.contentType, {
      pause: nextTask,
      cancelled: () => cancelled,
      onProgress: setReading,
    }).then(
      (parsed) => {
        if (cancelled) return;
        tab.keepPage(entry, parsed);
        setParsed((n) => n + 1);
      },
      (e: unknown) => {
        if (cancelled || e instanceof ParseCancelled) return;
        // Parsing in steps failed (no document.write here?): the page at once, not no page.
        console.warn('parsing in steps failed, parsing at once:', e);
        tab.keepPage(entry, parsePage(entry.body, entry.contentType));
        setParsed((n) => n + 1);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tab, entry, page]);
  return { page, reading: entry && !page ? reading : null };
}
