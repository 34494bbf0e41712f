import { splitCentsEqually } from './money.ts';

/**
 * How a contract with several titulaires is shared between them: equally (the default, as the
 * DECP say nothing of each one's part), or wholly to the first named (the group's mandataire).
 * Either way the contract is counted once.
 */
export type HolderSplit = 'equal' | 'first-holder';

export function holderShares(totalCents: number, holders: number, split: HolderSplit): number[] {
  if (split === 'equal') return splitCentsEqually(totalCents, holders);
  return Array.from({ length: holders }, (_, index) => (index === 0 ? totalCents : 0));
}
