/**
 * django/core/signals.py: `got_request_exception`, sent when a request's exception becomes a
 * 500 (Django's test client listens to it to keep the exception with the response).
 */
import type { HttpRequest } from '../http/request';

type Receiver<A> = (args: A) => void;

/** django.dispatch.Signal, reduced to connect/disconnect/send with keyword arguments. */
export class Signal<A> {
  private readonly receivers = new Set<Receiver<A>>();

  connect(receiver: Receiver<A>): void {
    this.receivers.add(receiver);
  }
  disconnect(receiver: Receiver<A>): boolean {
    return this.receivers.delete(receiver);
  }
  send(args: A): void {
    for (const r of [...this.receivers]) r(args);
  }
}

/**
 * `got_request_exception.send(sender=None, request=request)`; Django's receivers read the
 * exception from `sys.exc_info()`, which JavaScript does not have, so it comes along.
 */
export const got_request_exception = new Signal<{ request: HttpRequest; exc: unknown }>();
