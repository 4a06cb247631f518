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

/** A search box's text, and the search it settles into. */
export interface SearchText {
  text: string;
  setText: (text: string) => void;
  /** The trimmed text once typing paused ('' while shorter than the minimum). */
  search: string;
  /** Searches for the text at once (Enter, a Search button), whatever its length. */
  searchNow: () => void;
}

/**
 * Search as you type, with a way to search at once.
 * @param minLength - shorter text settles into '' (no search)
 */
export function useSearchText(minLength = 0): SearchText {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim().length >= minLength ? text.trim() : ''), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, minLength]);
  return { text, setText, search, searchNow: () => setSearch(text.trim()) };
}
