// @vitest-environment jsdom
/**
 * Export (file) and Import (file): the download, an import handed to `onImport` (and swapped in
 * by a host, as main.tsx will), and refused files that leave world and progress as they were.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { InPageTransport } from '../../src/browser/transport';
import { LessonProgress } from '../../src/lessons/progress';
import type { DjangoServer } from '../../src/server/server';
import { ExportImport } from '../../src/ui/components/ExportImport';
import { useWorld, WorldContext } from '../../src/ui/hooks/useWorld';
import { initTestI18n } from './helpers';
import type { Language } from '../../src/ui/i18n';
import { VirtualClock } from '../../src/world/clock';
import { exportWorld, MAX_IMPORT_BYTES, parseImport } from '../../src/lessons/exchange';
import { World } from '../../src/world/world';
import { snapshotWorld } from '../../src/world/snapshot';

/** A transport that finds the server through whichever world the host currently shows. */
let current: World | null = null;
const transport = () =>
  new InPageTransport((): DjangoServer => {
    if (!current) throw new Error('no world');
    return current.server;
  });

async function makeWorld(name = 'alice') {
  const world = new World({ clock: new VirtualClock(() => 1767225600000), transport });
  current = world;
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: name, password: 'x' });
  return world;
}

function Shows() {
  const world = useWorld();
  return <p data-testid="shown-user">{world.server.snapshot().rows[0]?.session_key ?? ''}</p>;
}

let onImport = vi.fn();

/** What main.tsx will do: keep the world in state and swap it on import. */
function Host({ initial, progress }: { initial: World; progress: LessonProgress }) {
  const [world, setWorld] = useState(initial);
  return (
    <WorldContext.Provider value={world}>
      <ExportImport
        progress={progress}
        onImport={(w) => {
          onImport(w);
          current = w;
          setWorld(w);
        }}
      />
      <Shows />
    </WorldContext.Provider>
  );
}

async function setup(lang: Language = 'en') {
  const i18n = initTestI18n(lang);
  await i18n.changeLanguage(lang);
  const world = await makeWorld();
  const progress = new LessonProgress(null);
  progress.markDone('03-login', 'form');
  onImport = vi.fn();
  render(<Host initial={world} progress={progress} />);
  return { world, progress, user: userEvent.setup({ applyAccept: false }) };
}

const fileInput = () => screen.getByLabelText('Import (file)');

describe('Export (file)', () => {
  let blobs: Blob[];
  let clicked: HTMLAnchorElement[];
  beforeEach(() => {
    blobs = [];
    clicked = [];
    // jsdom has neither object URLs nor downloads: record what would be downloaded.
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the world, progress and language as a dated JSON file', async () => {
    const { user, world, progress } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export (file)' }));
    expect(clicked).toHaveLength(1);
    const name = clicked[0]?.download ?? '';
    expect(name).toMatch(/^django-session-playground-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]?.href).toBe('blob:test/1');
    expect(clicked[0]?.isConnected).toBe(false); // removed again
    const parsed = parseImport(await (blobs[0] as Blob).text());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.world).toEqual(JSON.parse(JSON.stringify(snapshotWorld(world))));
    expect(parsed.value.progress).toEqual(progress.toData());
    expect(parsed.value.lang).toBe('en');
    expect(screen.getByRole('status')).toHaveTextContent(`Exported ${name}.`);
  });
});

describe('Import (file)', () => {
  it('has a visible label and accepts JSON files', async () => {
    await setup();
    expect(fileInput()).toHaveAttribute('type', 'file');
    expect(fileInput()).toHaveAttribute('accept', '.json,application/json');
    expect(screen.getByText('Import (file)').tagName).toBe('LABEL');
  });

  it('replaces the world and the progress with the file, through onImport', async () => {
    const { user, world, progress } = await setup();
    const other = await makeWorld('bob');
    const otherProgress = new LessonProgress(null);
    otherProgress.markDone('07-expiry', 'wait');
    const text = exportWorld(other, otherProgress, 'bn');
    current = world;
    const shownBefore = screen.getByTestId('shown-user').textContent;

    await user.upload(fileInput(), new File([text], 'class.json', { type: 'application/json' }));

    // First what the file holds, and a question; nothing is replaced yet.
    const preview = await screen.findByRole('region', { name: 'class.json holds:' });
    expect(preview).toHaveTextContent(
      '1 browser, 1 cookie, 2 pages in their histories, 1 session row',
    );
    expect(preview).toHaveTextContent('1 step done in 1 lessons');
    expect(preview).toHaveTextContent('in Bangla');
    expect(onImport).not.toHaveBeenCalled();
    expect(progress.toData()).not.toEqual(otherProgress.toData());
    await user.click(screen.getByRole('button', { name: 'Replace my world' }));

    expect(await screen.findByText('Imported class.json.')).toBeInTheDocument();
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(current).not.toBe(world);
    // The imported clock runs on from the exported moment with the real time (a few ms here).
    const { clock, ...rest } =
      (current ? snapshotWorld(current) : undefined) ?? snapshotWorld(other);
    const { clock: expectedClock, ...expectedRest } = snapshotWorld(other);
    expect(rest).toEqual(expectedRest);
    expect(clock.virtual - expectedClock.virtual).toBeLessThan(5000);
    expect(screen.getByTestId('shown-user').textContent).not.toBe(shownBefore);
    expect(progress.toData()).toEqual(otherProgress.toData());
    // The imported browser is still logged in as bob.
    const entry = await current?.navigate('A', '/myapp/connection/');
    expect(entry?.response.body).toContain('bob');
  });

  it.each([
    [
      'broken JSON',
      'class.json',
      '{"schema": ',
      'It is not a JSON file.',
      'Unexpected end of JSON input',
    ],
    [
      'a foreign file',
      'package.json',
      '{"name": "x"}',
      'not a Django Session Playground export',
      'not a playground world',
    ],
    [
      'another version',
      'old.json',
      '{"schema": "django-session-playground/export", "version": 7}',
      'another version of the playground',
      'saved by version 7; this playground reads version 1',
    ],
  ])('refuses %s with the reason, changing nothing', async (_n, name, text, message, where) => {
    const { user, world, progress } = await setup();
    const before = snapshotWorld(world);
    const progressBefore = progress.toData();
    await user.upload(fileInput(), new File([text], name, { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${name} was not imported; nothing changed.`);
    expect(alert).toHaveTextContent(message);
    // Where, in the page's language (not the checker's English reason).
    expect(alert).toHaveTextContent(where);
    expect(onImport).not.toHaveBeenCalled();
    expect(current).toBe(world);
    expect(snapshotWorld(world)).toEqual(before);
    expect(progress.toData()).toEqual(progressBefore);
  });

  it('says where a damaged file is damaged', async () => {
    const { user, world } = await setup();
    const file = JSON.parse(exportWorld(world, new LessonProgress(null), 'en'));
    file.world.tabs[0].cookies[0].expiresAt = 'tomorrow';
    await user.upload(fileInput(), new File([JSON.stringify(file)], 'x.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Part of it is damaged or missing.');
    expect(alert).toHaveTextContent('world.tabs[0].cookies[0].expiresAt: expected a number');
    expect(current).toBe(world);
  });

  it('Cancel after the preview changes nothing', async () => {
    const { user, world, progress } = await setup();
    const before = snapshotWorld(world);
    const progressBefore = progress.toData();
    const text = exportWorld(await makeWorld('bob'), new LessonProgress(null), 'en');
    current = world;
    await user.upload(fileInput(), new File([text], 'class.json'));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'class.json holds:' })).not.toBeInTheDocument();
    expect(onImport).not.toHaveBeenCalled();
    expect(current).toBe(world);
    expect(snapshotWorld(world)).toEqual(before);
    expect(progress.toData()).toEqual(progressBefore);
  });

  it('refuses settings the Settings panel refuses, in the page language (item 7)', async () => {
    const { user, world } = await setup('bn');
    const file = JSON.parse(exportWorld(world, new LessonProgress(null), 'en'));
    file.world.settings.SESSION_COOKIE_NAME = 'a b;c';
    await user.upload(
      screen.getByLabelText('ইমপোর্ট (ফাইল)'),
      new File([JSON.stringify(file)], 'x.json'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('world.settings.SESSION_COOKIE_NAME');
    expect(alert).toHaveTextContent('কুকির নাম');
    expect(current).toBe(world);
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const { user, world } = await setup();
    const huge = new File(['x'.repeat(MAX_IMPORT_BYTES + 1)], 'huge.json');
    const read = vi.spyOn(huge, 'text');
    await user.upload(fileInput(), huge);
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is larger than 5 MB.');
    expect(read).not.toHaveBeenCalled();
    expect(current).toBe(world);
  });

  it('speaks Bangla', async () => {
    const { user } = await setup('bn');
    await user.upload(screen.getByLabelText('ইমপোর্ট (ফাইল)'), new File(['nope'], 'a.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'a.json ইমপোর্ট করা হয়নি; কিছুই বদলায়নি। এটি JSON ফাইল নয়।',
    );
    expect(screen.getByRole('button', { name: 'এক্সপোর্ট (ফাইল)' })).toBeInTheDocument();
  });
});
