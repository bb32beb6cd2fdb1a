import type { TranscriptEntry } from './snapshot.js';

/** Older lines are dropped past this, so a long call cannot grow the snapshot without bound. */
export const MAX_TRANSCRIPT_ENTRIES = 200;

/**
 * Adds one transcript update. A partial (not final) entry is an utterance still being recognised
 * or spoken: the next update for the same role replaces its text, keeping its id, until one
 * arrives with `final: true`. Returns a new array; never mutates `entries`.
 */
export function mergeTranscript(
  entries: readonly TranscriptEntry[],
  update: Omit<TranscriptEntry, 'id'>,
  nextId: number,
): TranscriptEntry[] {
  let open = -1;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].role === update.role) {
      if (!entries[i].final) open = i;
      break;
    }
  }
  if (open >= 0) {
    const merged = entries.slice();
    merged[open] = { ...update, id: entries[open].id };
    return merged;
  }
  return appendTranscript(entries, update, nextId);
}

/** Adds a new entry whatever is open (typed text is never merged into speech). */
export function appendTranscript(
  entries: readonly TranscriptEntry[],
  entry: Omit<TranscriptEntry, 'id'>,
  id: number,
): TranscriptEntry[] {
  const appended = [...entries, { ...entry, id }];
  return appended.length > MAX_TRANSCRIPT_ENTRIES ? appended.slice(-MAX_TRANSCRIPT_ENTRIES) : appended;
}
