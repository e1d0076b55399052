// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { LessonProgress, PROGRESS_KEY, type ProgressStorage } from '../../src/lessons/progress';

beforeEach(() => localStorage.clear());

describe('lesson progress', () => {
  it('remembers completed steps per lesson, in localStorage, across instances', () => {
    const a = new LessonProgress();
    expect(a.notice).toBeNull();
    a.markDone('login', 'intro');
    a.markDone('login', 'submit');
    a.markDone('logout', 'intro');
    const b = new LessonProgress();
    expect(b.isDone('login', 'submit')).toBe(true);
    expect(b.isDone('logout', 'submit')).toBe(false);
    expect([...b.doneSteps('login')]).toEqual(['intro', 'submit']);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) as string)).toEqual({
      version: 1,
      done: { login: ['intro', 'submit'], logout: ['intro'] },
      at: {},
    });
    expect(PROGRESS_KEY).toMatch(/:v1$/);
  });

  it("remembers where the student is in each lesson's world; forgets it with the lesson", () => {
    const a = new LessonProgress();
    expect(a.position('login')).toBeNull();
    a.setPosition('login', { step: 'post', reached: 'cookie' });
    expect(new LessonProgress().position('login')).toEqual({ step: 'post', reached: 'cookie' });
    // Saved before lessons had worlds of their own: no positions, and no complaint.
    localStorage.setItem(PROGRESS_KEY, '{"version":1,"done":{"login":["intro"]}}');
    const old = new LessonProgress();
    expect(old.notice).toBeNull();
    expect(old.position('login')).toBeNull();
    expect(old.isDone('login', 'intro')).toBe(true);
    a.reset('login');
    expect(new LessonProgress().position('login')).toBeNull();
  });

  it('resets one lesson or everything', () => {
    const p = new LessonProgress();
    p.markDone('login', 'intro');
    p.markDone('logout', 'intro');
    p.reset('login');
    expect(new LessonProgress().isDone('login', 'intro')).toBe(false);
    expect(new LessonProgress().isDone('logout', 'intro')).toBe(true);
    p.reset();
    expect([...new LessonProgress().doneSteps('logout')]).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops', 'corrupt'],
    ['not an object', '[1,2]', 'corrupt'],
    ['no version', '{"done":{}}', 'corrupt'],
    ['another version', '{"version":2,"done":{}}', 'other-version'],
    [
      'a position without its step',
      '{"version":1,"done":{},"at":{"login":{"reached":"x"}}}',
      'corrupt',
    ],
    ['done not an object', '{"version":1,"done":[]}', 'corrupt'],
    ['steps not strings', '{"version":1,"done":{"login":[1]}}', 'corrupt'],
  ])('drops saved progress that is %s, with a notice shown once', (_name, raw, notice) => {
    localStorage.setItem(PROGRESS_KEY, raw);
    const p = new LessonProgress();
    expect(p.notice).toBe(notice);
    expect([...p.doneSteps('login')]).toEqual([]);
    p.dismissNotice();
    expect(p.notice).toBeNull();
    expect(new LessonProgress().notice).toBeNull(); // the bad value was replaced
  });

  it('works without storage, and when storage throws', () => {
    const memory = new LessonProgress(null);
    memory.markDone('login', 'intro');
    expect(memory.isDone('login', 'intro')).toBe(true);
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const p = new LessonProgress(broken);
    p.markDone('login', 'intro');
    expect(p.isDone('login', 'intro')).toBe(true);
  });

  it('tells subscribers about changes', () => {
    const p = new LessonProgress(null);
    let calls = 0;
    const off = p.subscribe(() => calls++);
    p.markDone('login', 'intro');
    p.markDone('login', 'intro'); // already done: no change
    p.reset();
    off();
    p.markDone('login', 'x');
    expect(calls).toBe(2);
  });
});
