/** A transport that is chosen after start-up (the service worker takes a moment to register). */
import type { Exchange } from '../server/server';
import type { Transport, WireRequest } from './transport';

export class LazyTransport implements Transport {
  private chosen: Transport | null = null;
  private readonly ready: Promise<Transport>;

  constructor(choose: Promise<Transport>) {
    this.ready = choose.then((t) => (this.chosen = t));
  }

  get kind(): Transport['kind'] {
    return this.chosen?.kind ?? 'in-page';
  }

  async send(request: WireRequest): Promise<Exchange> {
    return (await this.ready).send(request);
  }
}
