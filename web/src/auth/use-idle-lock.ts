/**
 * The idle lock: after some minutes without a key press, click, touch or scroll, the dashboard
 * locks (a nurse walked away from a shared ward computer). The timer restarts on every such event;
 * a hidden tab keeps counting.
 */
import { useEffect } from 'react';

/** What counts as someone at the keyboard. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once after `minutes` of no activity while `active`.
 * @param minutes - idle time before locking
 * @param active - whether to watch (signed in and not locked already)
 * @param onIdle - locks the session
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    const delay = Math.max(1_000, minutes * 60_000);
    let timer = setTimeout(onIdle, delay);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, delay);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [minutes, active, onIdle]);
}
