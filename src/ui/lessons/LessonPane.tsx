/**
 * The left side: the lesson list, or the open lesson step. The address's hash decides which
 * (`#/lesson/<slug>/<n>`), so a step can be linked to and the browser's back button works.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHash, parseHash } from '../../lessons/links';
import { useLessons } from './context';
import { LessonIndex } from './LessonIndex';
import { LessonPlayer } from './LessonPlayer';

export function LessonPane() {
  const { i18n } = useTranslation();
  const { runner } = useLessons();
  // The hash opens a lesson step; a step change writes the hash.
  useEffect(() => {
    const follow = () => {
      const link = parseHash(window.location.hash);
      if (link?.lang && link.lang !== i18n.language) void i18n.changeLanguage(link.lang);
      if (!link) {
        if (runner.lesson) runner.lesson = null;
        runner.recheck(true);
        return;
      }
      if (runner.lesson?.slug === link.slug && runner.index === link.index) return;
      if (!runner.start(link.slug, link.index)) window.location.hash = '#/';
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [runner, i18n]);
  const hash = runner.lesson ? formatHash(runner.lesson.slug, runner.index + 1) : null;
  useEffect(() => {
    if (hash && window.location.hash !== hash) window.history.pushState(null, '', hash);
  }, [hash]);
  return (
    <aside className="lesson-pane">{runner.lesson ? <LessonPlayer /> : <LessonIndex />}</aside>
  );
}
