// @vitest-environment jsdom
/**
 * The Inspector panel on its own, around a world whose browsers reach the Django site in the
 * page: values taken from the playground, pasted values, wrong keys, expiry, both languages.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InPageTransport } from '../../src/browser/transport';
import type { DjangoServer } from '../../src/server/server';
import { InspectorPanel } from '../../src/ui/inspector/InspectorPanel';
import { WorldContext } from '../../src/ui/hooks/useWorld';
import { initTestI18n } from './helpers';
import type { Language } from '../../src/ui/i18n';
import { VirtualClock } from '../../src/world/clock';
import { World } from '../../src/world/world';
import type { EditableSettings } from '../../src/world/settings';

// Spec 6.1 vectors 1 and 5 (SECRET_KEY 'playground-secret').
const V1 = 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:mae-Hz5su9cuH5y2jxWxgHqrdz6KV8ki9QO0g-5NlkU';
const V5 =
  '.eJyrViotTi3KS8xNVbJSSszJTE5V0lFKTiwqUbKKVkosKMgB8QcnHVsLAGroPCE:1r31eq:zMBNgdFm15oh_N12tTEvWFwJLO9oAeaSy6NsXdD5a8M';

async function setup(
  options: { lang?: Language; settings?: Partial<EditableSettings>; login?: boolean } = {},
) {
  const lang = options.lang ?? 'en';
  const i18n = initTestI18n(lang);
  await i18n.changeLanguage(lang);
  const world = new World({
    clock: new VirtualClock(() => 1767225600000),
    transport: (get: () => DjangoServer) => new InPageTransport(get),
    settings: options.settings,
  });
  if (options.login ?? true) {
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: 'alice', password: 'x' });
  }
  const user = userEvent.setup();
  render(
    <WorldContext.Provider value={world}>
      <InspectorPanel />
    </WorldContext.Provider>,
  );
  return { world, user };
}

const status = () => screen.getByRole('status');
const valueBox = () => screen.getByLabelText('Session value');
const keyBox = () => screen.getByLabelText('SECRET_KEY');

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.clear(valueBox());
  await user.click(valueBox());
  await user.paste(text);
}

describe('Inspector panel', () => {
  it("is prefilled with the world's SECRET_KEY and says the key stays in the page", async () => {
    const { world } = await setup();
    expect(keyBox()).toHaveValue(world.secretKey);
    expect(screen.getByText(/it is never sent anywhere/)).toBeInTheDocument();
    expect(status()).toHaveTextContent('Paste a value above to inspect it.');
  });

  it('decodes a database row picked from the playground, part by part', async () => {
    const { user } = await setup();
    const sample = screen.getByLabelText('Use a value from this playground');
    const row = within(sample).getByRole('option', { name: /^django_session row / });
    await user.selectOptions(sample, row);
    expect((valueBox() as HTMLTextAreaElement).value).toMatch(
      /^eyJ1c2VybmFtZSI6ImFsaWNlIn0:1vb66i:/,
    );
    expect(status()).toHaveTextContent('Signature valid');
    expect(status()).toHaveTextContent('stored session_data');

    const table = screen.getByRole('table', { name: 'Parts of the value' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'payload',
      'timestamp',
      'signature',
    ]);
    expect(rows[1]).toHaveTextContent('1vb66i');
    expect(rows[1]).toHaveTextContent('1 Jan 2026, 00:00:00 UTC');
    expect(rows[2]).toHaveTextContent('django.contrib.sessions.SessionStore');
    expect(screen.getByText("{'username': 'alice'}")).toBeInTheDocument();
    expect(screen.getByText('{"username":"alice"}', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByText('Signed at 1 Jan 2026, 00:00:00 UTC.')).toBeInTheDocument();
    expect(screen.queryByText('UNVERIFIED')).not.toBeInTheDocument();
  });

  it('labels every coloured part in words, not only by colour', async () => {
    const { user } = await setup();
    await paste(user, V5);
    const raw = screen.getByRole('region', { name: 'The value, part by part' });
    for (const label of ['zlib flag', 'payload', 'timestamp', 'signature'])
      expect(within(raw).getByText(label)).toBeInTheDocument();
  });

  it('a changed character: not verified, the data shown as UNVERIFIED', async () => {
    const { user } = await setup();
    await user.selectOptions(
      screen.getByLabelText('Use a value from this playground'),
      screen.getByRole('option', { name: /^django_session row / }),
    );
    const tampered = (valueBox() as HTMLTextAreaElement).value.replace('aWNl', 'aWNm');
    await paste(user, tampered);
    expect(status()).toHaveTextContent('Not verified');
    expect(screen.getByText('UNVERIFIED')).toBeInTheDocument();
    expect(screen.getByText("{'username': 'alicf'}")).toBeInTheDocument();
  });

  it('checks a pasted value with a typed key, and goes back to the world key', async () => {
    const { user, world } = await setup();
    await paste(user, V1);
    expect(status()).toHaveTextContent('Not verified');
    await user.clear(keyBox());
    await user.type(keyBox(), 'playground-secret');
    expect(status()).toHaveTextContent('Signature valid');
    expect(screen.getByText('Signed at 14 Nov 2023, 22:13:20 UTC.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Use this playground's key" }));
    expect(keyBox()).toHaveValue(world.secretKey);
    expect(status()).toHaveTextContent('Not verified');
  });

  it("explains the db backend's cookie: a session key, not the data", async () => {
    const { user } = await setup();
    await user.selectOptions(
      screen.getByLabelText('Use a value from this playground'),
      screen.getByRole('option', { name: 'cookie sessionid in browser A' }),
    );
    expect(status()).toHaveTextContent('Not a signed session value');
    expect(status()).toHaveTextContent('This looks like a session key');
  });

  it('signed_cookies: the cookie verifies, then expires with the virtual clock', async () => {
    const { user, world } = await setup({
      settings: { SESSION_ENGINE: 'signed_cookies', SESSION_COOKIE_AGE: 60 },
    });
    await user.selectOptions(
      screen.getByLabelText('Use a value from this playground'),
      screen.getByRole('option', { name: 'cookie sessionid in browser A' }),
    );
    expect(status()).toHaveTextContent('Signature valid');
    expect(status()).toHaveTextContent('signed_cookies session cookie');
    expect(
      screen.getByText(/Django accepts this cookie until 1 Jan 2026, 00:01:00 UTC/),
    ).toBeInTheDocument();
    act(() => world.clock.jump(61_000));
    expect(await screen.findByText(/Signature valid, but expired/)).toBeInTheDocument();
  });

  it('garbage gets a reason, never a crash', async () => {
    const { user } = await setup({ login: false });
    expect(screen.getByLabelText('Use a value from this playground')).toBeDisabled();
    await paste(user, 'hello world');
    expect(status()).toHaveTextContent('Not a signed session value');
    await paste(user, 'aGVsbG8:1r31eq:x');
    expect(status()).toHaveTextContent('The payload decodes, but not to JSON.');
    expect(status()).toHaveTextContent('JSONDecodeError');
    await paste(user, '.' + V1);
    expect(status()).toHaveTextContent('not valid zlib data');
  });

  it('speaks Bangla, with dates in Bangla digits', async () => {
    const { user } = await setup({ lang: 'bn' });
    await user.selectOptions(
      screen.getByLabelText('এই প্লেগ্রাউন্ড থেকে একটা মান নিন'),
      screen.getByRole('option', { name: /^django_session-এর সারি / }),
    );
    expect(status()).toHaveTextContent('সিগনেচার ঠিক আছে');
    expect(screen.getByText(/সাইন করার সময়: ১ জানু, ২০২৬/)).toBeInTheDocument();
  });
});
