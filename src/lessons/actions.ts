/**
 * "Do it for me": each action does to the world what the student would do by hand, through the
 * same World methods the UI calls, so a lesson proven by its actions is a lesson a student can do.
 */
import { handMadeCookie } from '../browser/cookieJar';
import { formsOf } from '../browser/page';
import type { World } from '../world/world';
import { localize, type Lang } from './localized';
import { DEFAULT_BROWSER, type Action } from './types';
import { replayStolen } from '../world/attacker';
import { runConsole } from '../world/console/run';

export type PanelName = Extract<Action, { type: 'showPanel' }>['panel'];

/**
 * Why an action (or a step) could not be done: a code and its values, put into words by the UI
 * in the page's language (`lesson.error.<code>`); `message` is the English, for logs and tests.
 */
export class LessonError extends Error {
  constructor(
    readonly code:
      | 'no-browser'
      | 'no-form'
      | 'no-field'
      | 'settings-refused'
      | 'nothing-stolen'
      | 'check-failed',
    readonly values: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = 'LessonError';
  }
}

/** What the UI should do after an action (the world has already changed). */
export interface ActionEffect {
  /** `showPanel`: switch to this panel. */
  panel?: PanelName;
}

/** The student acts in the browser they are looking at: bring it to the front first. */
function front(world: World, browser: string | undefined): string {
  const id = browser ?? DEFAULT_BROWSER;
  if (!world.tabs.some((t) => t.id === id))
    throw new LessonError('no-browser', { browser: id }, `There is no browser ${id}.`);
  if (world.activeTabId !== id) world.setActiveTab(id);
  return id;
}

export async function perform(action: Action, world: World, lang: Lang): Promise<ActionEffect> {
  switch (action.type) {
    case 'navigate':
      await world.navigate(front(world, action.browser), action.path);
      return {};
    case 'submit': {
      const id = front(world, action.browser);
      const index = action.form ?? 0;
      const page = world.tab(id).current?.request.path ?? 'about:blank';
      const form = formsOf(world.tab(id).page?.nodes ?? [])[index];
      if (!form)
        throw new LessonError(
          'no-form',
          { browser: id, page, n: index + 1 },
          index === 0
            ? `Browser ${id}'s page (${page}) has no form to submit.`
            : `Browser ${id}'s page (${page}) has no form number ${index + 1}.`,
        );
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(action.values)) {
        if (!form.fields.some((f) => f.name === name))
          throw new LessonError(
            'no-field',
            { browser: id, page, field: name },
            `The form on ${page} in browser ${id} has no field "${name}".`,
          );
        values[name] = localize(value, lang);
      }
      await world.submitForm(id, index, values);
      return {};
    }
    case 'console': {
      const id = front(world, action.browser);
      await runConsole(world, id, localize(action.code, lang));
      return {};
    }
    case 'settings': {
      const errors = world.applySettings(action.patch);
      if (errors.length)
        throw new LessonError(
          'settings-refused',
          { settings: errors.map((e) => e.setting).join(', ') },
          `Django would refuse these settings: ${errors.map((e) => `${e.setting} (${e.code})`).join(', ')}.`,
        );
      return {};
    }
    case 'advance':
      world.clock.jump(action.seconds * 1000);
      return {};
    case 'closeBrowser':
      world.closeBrowser(front(world, action.browser));
      return {};
    case 'addBrowser': {
      if (action.id !== undefined && world.tabs.some((t) => t.id === action.id)) return {};
      world.addTab(action.name === undefined ? undefined : localize(action.name, lang), action.id);
      return {};
    }
    case 'plantCookie': {
      const id = front(world, action.browser);
      // As typed into DevTools on the site's page: host-only, path /, until the browser closes.
      world.putCookie(
        id,
        handMadeCookie(action.name, action.value, world.tab(id).browser.url('/').hostname),
      );
      return {};
    }
    case 'deleteCookie': {
      const id = front(world, action.browser);
      for (const c of world.tab(id).browser.jar.all())
        if (c.name === action.name) world.deleteCookie(id, c.name, c.domain, c.path);
      return {};
    }
    case 'replayStolen':
      if (!world.stolen.some((s) => s.cookie !== ''))
        throw new LessonError(
          'nothing-stolen',
          {},
          "The attacker's server has received no cookie to replay.",
        );
      replayStolen(world, front(world, action.browser));
      return {};
    case 'clearExpired':
      world.clearExpired();
      return {};
    case 'restartServer':
      world.restartServer();
      return {};
    case 'showPanel':
      return { panel: action.panel };
  }
}

/** The step's actions in order, each finished before the next starts. */
export async function performAll(
  actions: readonly Action[],
  world: World,
  lang: Lang,
): Promise<ActionEffect[]> {
  const effects: ActionEffect[] = [];
  for (const action of actions) effects.push(await perform(action, world, lang));
  return effects;
}
