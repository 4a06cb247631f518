/** Search as you type: a value that follows another after the typing pauses. */
import { useEffect, useState } from 'react';

/** The pause after the last keystroke before a search runs, as in the pickers (300 ms). */
export const SEARCH_PAUSE_MS = 300;

/**
 * `value`, once it has stopped changing for `delayMs`.
 * @param value - what is typed
 * @param delayMs - the pause
 */
export function useDebounced<T>(value: T, delayMs = SEARCH_PAUSE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
