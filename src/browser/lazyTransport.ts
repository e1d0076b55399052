/**
 * A transport chosen when it is first needed: the service worker (and MSW with it) is only
 * fetched and registered once a simulated browser is about to send its first request, so a
 * first visit that only reads a lesson never downloads it. `warm()` starts early, when the
 * reader reaches for a browser.
 */
import type { Exchange } from '../server/server';
import type { Transport, WireRequest } from './transport';

export class LazyTransport implements Transport {
  private chosen: Transport | null = null;
  private ready: Promise<Transport> | null = null;

  constructor(private readonly choose: () => Promise<Transport>) {}

  get kind(): Transport['kind'] {
    return this.chosen?.kind ?? 'pending';
  }

  warm(): Promise<Transport> {
    this.ready ??= this.choose().then((t) => (this.chosen = t));
    return this.ready;
  }

  async send(request: WireRequest): Promise<Exchange> {
    return (await this.warm()).send(request);
  }
}
