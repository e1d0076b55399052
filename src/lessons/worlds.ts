/**
 * The worlds of a page: the student's own playground, and one world per lesson, as each Learn
 * Git Branching level has its own tree. A lesson's world is built from the lesson's declared
 * start the first time it is opened, kept (and saved, by whoever makes worlds) after that, so
 * the lesson resumes where the student left it; the playground is never touched by a lesson.
 */
import type { World } from '../world/world';
import { LessonError, performAll } from './actions';
import type { Lang } from './localized';
import type { LessonDef, StartWorld } from './types';

/** How worlds are made and found again: the page (storage, transport) or a test (memory). */
export interface WorldKeeper {
  /** A new world: Django's defaults, a new SECRET_KEY, one browser on no page, the real time. */
  fresh(): World;
  /** The lesson's saved world, or null when there is none (or it could not be read). */
  restore(slug: string): World | null;
}

export class LessonWorlds {
  private readonly opened = new Map<string, World>();

  constructor(
    public playground: World,
    private readonly keeper: WorldKeeper,
  ) {}

  /**
   * The lesson's world: open already, restored, or built now from its start (`built`: the
   * student has done nothing in it yet).
   */
  async world(lesson: LessonDef, lang: Lang): Promise<{ world: World; built: boolean }> {
    const open = this.opened.get(lesson.slug);
    if (open) return { world: open, built: false };
    const restored = this.keeper.restore(lesson.slug);
    if (restored) {
      this.opened.set(lesson.slug, restored);
      return { world: restored, built: false };
    }
    const world = this.keeper.fresh();
    this.opened.set(lesson.slug, world);
    await buildStart(world, lesson.start, lang);
    return { world, built: true };
  }

  /** The lesson's world back to its start, in place (what watches the world keeps watching). */
  async reset(world: World, lesson: LessonDef, lang: Lang): Promise<void> {
    world.resetEverything();
    await buildStart(world, lesson.start, lang);
  }

  /** Forgets every lesson world held in memory (an imported file brings its own). */
  clear(): void {
    this.opened.clear();
  }
}

/**
 * Prepares a fresh world as a lesson's start declares: its settings, then its actions, done
 * before the student looks. What they did is the world's state (pages, cookies, rows), not its
 * history: the network log and consoles start empty, and browser A is in front.
 */
export async function buildStart(world: World, start: StartWorld, lang: Lang): Promise<void> {
  if (start.settings && Object.keys(start.settings).length) {
    const errors = world.applySettings(start.settings);
    if (errors.length)
      throw new LessonError(
        'settings-refused',
        { settings: errors.map((e) => e.setting).join(', ') },
        `Django would refuse the lesson's settings: ${errors.map((e) => e.setting).join(', ')}.`,
      );
  }
  if (start.actions?.length) {
    await world.quietly(() => performAll(start.actions ?? [], world, lang));
    for (const tab of world.tabs) tab.consoleLog = [];
    world.clearNetwork();
    world.setActiveTab('A');
  }
}
