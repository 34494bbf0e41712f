import { foldForMatch } from '../text.ts';

/** Longest name looked at: legal-form words sit at either end, and matching stays linear in practice. */
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

/** Where in the name a marker counts: anywhere, only as its first words, or at either end. */
export type MarkerPlace = 'anywhere' | 'start' | 'edge';

/** Whether `phrase` (folded words separated by spaces) occurs in `words` as whole words, at `place`. */
export function hasPhrase(
  words: readonly string[],
  phrase: string,
  place: MarkerPlace = 'anywhere',
): boolean {
  const parts = phrase.split(' ');
  const last = words.length - parts.length;
  const matchesAt = (start: number) => parts.every((part, i) => words[start + i] === part);
  if (last < 0) return false;
  if (place === 'start') return matchesAt(0);
  if (place === 'edge') return matchesAt(0) || matchesAt(last);
  for (let start = 0; start <= last; start++) if (matchesAt(start)) return true;
  return false;
}
