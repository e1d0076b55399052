/**
 * Says each request and its response to screen readers (politely, once per exchange). Timer
 * ticks are never announced.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContext } from 'react';
import { WorldContext } from '../hooks/useWorld';

export function Narrator() {
  const { t } = useTranslation();
  const world = useContext(WorldContext);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!world) return;
    return world.onEvent((e) => {
      if (e.type !== 'exchange') return;
      const { entry } = e;
      const name = world.tabs.find((tab) => tab.id === entry.browser)?.name ?? entry.browser;
      const cookies = entry.response.setCookies.map((c) => c.split('=')[0]).join(', ');
      setMessage(
        t('narrator.exchange', {
          browser: name,
          method: entry.method,
          path: entry.path,
          status: entry.response.status,
          reason: entry.response.reason,
        }) + (cookies ? ' ' + t('narrator.setCookie', { names: cookies }) : ''),
      );
    });
  }, [world, t]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
