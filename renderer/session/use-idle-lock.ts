// The idle lock: after `minutes` without keyboard, mouse or touch the app locks itself; the
// clock restarts on any input and is checked every few seconds. The backend locks too, after
// the same minutes without a call, so while someone works without calling it (typing a long
// record, reading a report) `onActive` runs at most once a minute to say so. Off while
// `active` is false (already locked) or when the minutes are not positive.

import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;
const TELL_ACTIVE_EVERY_MS = 60_000;

export function useIdleLock(minutes: number, active: boolean, onIdle: () => void, onActive: () => void): void {
  const handlers = useRef({ onIdle, onActive });
  useEffect(() => {
    handlers.current = { onIdle, onActive };
  }, [onIdle, onActive]);

  useEffect(() => {
    if (!active || minutes <= 0) return;
    let lastActivity = Date.now();
    let lastTold = lastActivity;
    const touched = () => {
      lastActivity = Date.now();
      if (lastActivity - lastTold < TELL_ACTIVE_EVERY_MS) return;
      lastTold = lastActivity;
      handlers.current.onActive();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touched, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) handlers.current.onIdle();
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touched, { capture: true });
    };
  }, [minutes, active]);
}
