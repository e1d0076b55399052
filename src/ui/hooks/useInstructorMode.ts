/** Instructor mode: large type for a projector, remembered, and arrow keys that step lessons. */
import { useEffect, useState } from 'react';

const KEY = 'django-session-playground:instructor';

function initial(): boolean {
  if (typeof window === 'undefined') return false; // prerendering
  if (new URLSearchParams(location.search).get('instructor') === '1') return true;
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function useInstructorMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(initial);
  useEffect(() => {
    document.documentElement.classList.toggle('instructor', on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // remembered for this visit only
    }
  }, [on]);
  return [on, setOn];
}
