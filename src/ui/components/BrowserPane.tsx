/** The simulated browsers: one tab each, an address bar, the page, and "close browser". */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePage } from '../hooks/usePage';
import { useWorld } from '../hooks/useWorld';
import { PageView } from './PageView';
import { ScriptNotice } from './ScriptNotice';
import { Tabs } from './Tabs';
import type { BrowserTab } from '../../world/tabs';
import { formatNumber } from '../format';

function useRun() {
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown> | void) => {
    setError(null);
    if (p) p.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return { error, run };
}

function BrowserView({ tab }: { tab: BrowserTab }) {
  const { t } = useTranslation();
  const world = useWorld();
  const { error, run } = useRun();
  const [address, setAddress] = useState(tab.current?.request.path ?? '/myapp/connection/');
  const currentPath = tab.current?.request.path;
  useEffect(() => {
    if (currentPath) setAddress(currentPath);
  }, [currentPath, tab.index]);
  const go = (e: FormEvent) => {
    e.preventDefault();
    run(world.navigate(tab.id, address));
  };
  const { page, reading } = usePage(tab);
  return (
    <div className="browser">
      <div className="browser-toolbar">
        <button
          type="button"
          onClick={() => world.back(tab.id)}
          disabled={!tab.canGoBack()}
          aria-label={t('browser.back')}
          title={t('browser.back')}
        >
          ←
        </button>
        <button
          type="button"
          onClick={() => world.forward(tab.id)}
          disabled={!tab.canGoForward()}
          aria-label={t('browser.forward')}
          title={t('browser.forward')}
        >
          →
        </button>
        <button
          type="button"
          onClick={() => run(world.reload(tab.id).then(() => undefined))}
          disabled={!tab.current}
          aria-label={t('browser.reload')}
          title={t('browser.reload')}
        >
          ↻
        </button>
        <form
          className="address-bar"
          onSubmit={go}
          role="search"
          aria-label={t('browser.addressForm')}
        >
          <label htmlFor={`address-${tab.id}`} className="visually-hidden">
            {t('browser.address')}
          </label>
          <span className="origin" aria-hidden="true">
            {tab.browser.origin}
          </span>
          <input
            id={`address-${tab.id}`}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit">{t('browser.go')}</button>
        </form>
      </div>
      <div
        className="browser-page"
        aria-label={t('browser.pageOf', { name: tab.name })}
        role="region"
      >
        <ScriptNotice reports={tab.current?.scripts} />
        {page ? (
          <>
            {tab.current && tab.current.status >= 400 && (
              <p className="page-status">HTTP {tab.current.status}</p>
            )}
            <PageView
              key={`${tab.id}:${tab.current?.networkId}`}
              page={page}
              origin={tab.browser.origin}
              onSubmit={(i, values) => run(world.submitForm(tab.id, i, values))}
              onNavigate={(href) =>
                run(
                  world.navigate(
                    tab.id,
                    new URL(href, tab.browser.url(tab.current?.request.path ?? '/')).pathname,
                  ),
                )
              }
            />
          </>
        ) : reading !== null ? (
          <p className="page-limit" aria-busy="true">
            <progress max={1} value={reading} aria-label={t('pageLimit.reading')} />{' '}
            {t('pageLimit.reading')}
          </p>
        ) : (
          <p className="blank-page">{t('browser.blank')}</p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** What can be done to the browser on screen: on the tabs' row, like a browser's own controls. */
function BrowserActions({ tab }: { tab: BrowserTab }) {
  const { t } = useTranslation();
  const world = useWorld();
  return (
    <div className="browser-actions">
      <button type="button" onClick={() => world.closeBrowser(tab.id)}>
        {t('browser.close')}
      </button>
      <RenameBrowser key={tab.id} tab={tab} />
      {tab.id !== 'A' && (
        <button type="button" onClick={() => world.removeTab(tab.id)}>
          {t('browser.remove', { name: tab.name })}
        </button>
      )}
      <button type="button" className="add-browser" onClick={() => world.addTab()}>
        {t('browser.add')}
      </button>
    </div>
  );
}

function RenameBrowser({ tab }: { tab: BrowserTab }) {
  const { t } = useTranslation();
  const world = useWorld();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tab.name);
  if (!editing) {
    return (
      <button type="button" onClick={() => (setName(tab.name), setEditing(true))}>
        {t('browser.rename')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        world.renameTab(tab.id, name);
        setEditing(false);
      }}
    >
      <label>
        {t('browser.newName')}{' '}
        <input
          name="browser-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoFocus
        />
      </label>
      <button type="submit">{t('common.save')}</button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** With a whole class open, only a few browsers get a tab; a list reaches the others. */
const TAB_LIMIT = 6;

function visibleTabs(tabs: BrowserTab[], active: string): BrowserTab[] {
  if (tabs.length <= TAB_LIMIT) return tabs;
  const first = tabs.slice(0, TAB_LIMIT - 1);
  const current = tabs.find((tab) => tab.id === active);
  return current && !first.includes(current) ? [...first, current] : first;
}

export function BrowserPane() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  return (
    <section className="browsers" aria-labelledby="browsers-heading">
      <h2 id="browsers-heading" className="visually-hidden">
        {t('browser.heading')}
      </h2>
      {world.tabs.length > TAB_LIMIT && (
        <label className="more-browsers">
          {t('browser.more')}{' '}
          <select
            name="browser"
            value={world.activeTabId}
            onChange={(e) => world.setActiveTab(e.target.value)}
          >
            {world.tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.name}
              </option>
            ))}
          </select>{' '}
          ({t('browser.moreCount', { n: formatNumber(world.tabs.length, i18n.language) })})
        </label>
      )}
      <Tabs
        label={t('browser.heading')}
        idPrefix="browser"
        extra={<BrowserActions tab={world.activeTab} />}
        selected={world.activeTabId}
        onSelect={(id) => world.setActiveTab(id)}
        items={visibleTabs(world.tabs, world.activeTabId).map((tab) => ({
          id: tab.id,
          label: t('browser.tabLabel', { name: tab.name }),
          content: <BrowserView key={tab.id} tab={tab} />,
        }))}
      />
    </section>
  );
}
