import { describe, expect, it } from 'vitest';
import { at_least, get_version, SERVER_SOFTWARE } from '../../src/django/version';

describe('django.VERSION of the release the port behaves as', () => {
  it('get_version() is the Debian release the reference runs', () => {
    expect(get_version({ DJANGO_VERSION: '3.2' })).toBe('3.2.25');
    expect(get_version({ DJANGO_VERSION: '4.2' })).toBe('4.2.28');
    expect(get_version({ DJANGO_VERSION: '5.2' })).toBe('5.2.18');
  });

  it('at_least() compares (major, minor, micro) as Python compares tuples', () => {
    const v = (DJANGO_VERSION: '3.2' | '4.2' | '5.2') => ({ DJANGO_VERSION });
    expect(at_least(v('3.2'), 4)).toBe(false);
    expect(at_least(v('4.2'), 4)).toBe(true);
    expect(at_least(v('4.2'), 4, 2)).toBe(true);
    expect(at_least(v('4.2'), 4, 2, 29)).toBe(false);
    expect(at_least(v('5.2'), 5, 2, 14)).toBe(true);
    expect(at_least(v('5.2'), 5, 3)).toBe(false);
    expect(at_least(v('5.2'), 6)).toBe(false);
    expect(at_least(v('3.2'), 3, 2, 25)).toBe(true);
  });

  it("the Server header is runserver's on the reference's Python (measured)", () => {
    expect(SERVER_SOFTWARE).toBe('WSGIServer/0.2 CPython/3.11.2');
  });
});
