import { parseDate } from '../dates.ts';
import { type HolderSplit, holderShares } from '../holder-split.ts';
import { parseSupplierIdentifier } from '../identifiers.ts';
import type { Rejection } from '../ingest/rejection.ts';
import { parseAmountToCents } from '../money.ts';
import { fail, ok, type Result } from '../result.ts';
import type { DraftLine } from '../spend-line.ts';
import { supplierKeyOf, UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { DecpContract } from './decp-contract.ts';
import { looksLikeMojibake } from './mojibake.ts';

/** JSON numbers arrive as their source text; exponent notation is rare but valid JSON. */
function amountText(raw: string): string {
  return /e/i.test(raw) && Number.isFinite(Number(raw)) ? Number(raw).toFixed(2) : raw;
}

const isNc = (value: string | undefined) => value !== undefined && /^\s*n\.?\s?c\.?\s*$/i.test(value);

/**
 * Turns one DECP contract into spend lines: one per titulaire, the amount split between them so the
 * contract is counted once. `position` is the contract's rank in the file (JSON has no line numbers).
 */
export function decpContractLines(
  contract: DecpContract,
  position: number,
  split: HolderSplit,
): Result<DraftLine[]> {
  const amount = isNc(contract.amount)
    ? fail<number>('amount is "NC" (not communicated)')
    : parseAmountToCents(amountText(contract.amount), '.');
  const date = parseDate(contract.date, 'ymd');
  if (!amount.ok || !date.ok) {
    return fail([amount, date].flatMap((result) => (result.ok ? [] : [result.reason])).join('; '));
  }
  if (contract.holders.length === 0) return fail(`contract ${contract.key} names no titulaire`);
  const holders = contract.holders;
  const shares = holderShares(amount.value, holders.length, split);
  const lines: DraftLine[] = [];
  for (const [index, holder] of holders.entries()) {
    const flags: string[] = [];
    const identifier = isNc(holder.id)
      ? ok(undefined)
      : parseSupplierIdentifier(holder.id, holder.typeIdentifiant);
    if (!identifier.ok) return fail(`titulaire ${index + 1}: ${identifier.reason}`);
    if (!identifier.value) flags.push('identifier-placeholder');
    const name = isNc(holder.denominationSociale) ? '' : (holder.denominationSociale ?? '');
    if (looksLikeMojibake(name) || looksLikeMojibake(contract.object)) flags.push('mojibake');
    if (contract.modifications > 0) flags.push('modified');
    const key = supplierKeyOf({ identifier: identifier.value, name });
    if (key === UNDISCLOSED_SUPPLIER_KEY) flags.push('supplier-undisclosed');
    lines.push({
      lineNumber: position,
      anchorId: contract.buyerId,
      ...(contract.buyerName ? { anchorName: contract.buyerName } : {}),
      date: date.value,
      amountCents: shares[index] ?? 0,
      currency: 'EUR',
      supplier: { key, name, ...(identifier.value ? { identifier: identifier.value } : {}) },
      ...(contract.cpv ? { categoryCode: contract.cpv } : {}),
      ...(contract.object ? { description: contract.object } : {}),
      contractUid: contract.key,
      ...(holders.length > 1 && split === 'equal' ? { shareOf: holders.length } : {}),
      ...(contract.segment === 'concession' ? { segment: 'concession' as const } : {}),
      flags,
    });
  }
  return ok(lines);
}

/** A contract seen again in a consolidated file: counted once, at its first occurrence. */
export function duplicateContract(
  contract: DecpContract,
  position: number,
  firstPosition: number,
): Rejection {
  return {
    lineNumber: position,
    reason: `contract ${contract.key} was already counted as contract #${firstPosition} of this file: duplicate`,
    raw: contract.key,
  };
}
