import { foldForMatch } from '../text.ts';

/**
 * A commune name as files write it, reduced for comparison: accents, case and hyphens ignored,
 * "CEDEX 9" dropped, "ST"/"STE" read as "SAINT"/"SAINTE".
 */
export function normaliseCommuneName(name: string): string {
  return foldForMatch(name)
    .replace(/\bcedex(\s+\d+)?\b/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}
