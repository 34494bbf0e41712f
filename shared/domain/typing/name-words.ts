import { foldForMatch } from '../text.ts';

/** Longest name looked at: anything longer is not a name, and only its start is read. */
const MAX_NAME_LENGTH = 500;

/**
 * A name as folded words: accents, case and punctuation gone, and dotted initials joined back
 * (`S.C.O.P.` → `scop`, `S.A.R.L.` → `sarl`), so that markers match whole words only: "Cooper" is
 * not "coop", "Associates" is not "association".
 */
export function nameWords(name: string): readonly string[] {
  const folded = foldForMatch(name.slice(0, MAX_NAME_LENGTH));
  const words: string[] = [];
  let initials = '';
  const flush = () => {
    if (initials) words.push(initials);
    initials = '';
  };
  for (const word of folded.split(' ')) {
    if (word === '') continue;
    if (word.length === 1) {
      initials += word;
      continue;
    }
    flush();
    words.push(word);
  }
  flush();
  return words;
}

/** Where in the name a marker counts: anywhere, only as its first or last words, or at either end. */
export type MarkerPlace = 'anywhere' | 'start' | 'end' | 'edge';

export interface Marker<T> {
  /** Folded words separated by spaces, matched as whole words. */
  readonly phrase: string;
  readonly place: MarkerPlace;
  readonly value: T;
}

interface IndexedMarker<T> {
  readonly words: readonly string[];
  readonly place: MarkerPlace;
  readonly rank: number;
  readonly marker: Marker<T>;
}

/**
 * A finder for the first listed marker that occurs in a name's words. Markers are indexed by their
 * first word, so a name costs a look-up per word, not a scan of every marker.
 */
export function markerFinder<T>(
  markers: readonly Marker<T>[],
): (words: readonly string[]) => Marker<T> | undefined {
  const byFirstWord = new Map<string, IndexedMarker<T>[]>();
  markers.forEach((marker, rank) => {
    const words = marker.phrase.split(' ');
    const first = words[0] ?? '';
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, place: marker.place, rank, marker });
    byFirstWord.set(first, list);
  });
  const fits = (candidate: IndexedMarker<T>, start: number, words: readonly string[]) => {
    const end = start + candidate.words.length;
    if (end > words.length) return false;
    if (candidate.place === 'start' && start !== 0) return false;
    if (candidate.place === 'end' && end !== words.length) return false;
    if (candidate.place === 'edge' && start !== 0 && end !== words.length) return false;
    return candidate.words.every((word, i) => words[start + i] === word);
  };
  return (words) => {
    let best: IndexedMarker<T> | undefined;
    words.forEach((word, start) => {
      for (const candidate of byFirstWord.get(word) ?? []) {
        if ((best === undefined || candidate.rank < best.rank) && fits(candidate, start, words))
          best = candidate;
      }
    });
    return best?.marker;
  };
}
