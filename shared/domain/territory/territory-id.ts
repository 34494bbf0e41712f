import { foldForMatch } from '../text.ts';

/**
 * Letters that carry no accent to strip, so folding keeps them: written out, a commune such as
 * Marcq-en-Barœul still gets an id of plain lower-case letters.
 */
const LIGATURES = new Map([
  ['œ', 'oe'],
  ['æ', 'ae'],
  ['ß', 'ss'],
]);

/** The id `territory init` gives a place: its name folded to lower-case words joined by "-". */
export function territoryIdOf(name: string): string {
  const words = foldForMatch(name).replace(/[œæß]/g, (letter) => LIGATURES.get(letter) ?? letter);
  return words.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
