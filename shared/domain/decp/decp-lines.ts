import { parseDate } from '../dates.ts';
import { type HolderSplit, holderShares } from '../holder-split.ts';
import type { SetAside } from '../ingest/rejection.ts';
import { readLineIdentifier } from '../line-identifier.ts';
import { AMOUNT_ROUNDED_FLAG, readSpendAmount, type SpendAmount } from '../money.ts';
import { fail, ok, type Result } from '../result.ts';
import { type DraftLine, UNDATED_FLAG } from '../spend-line.ts';
import { supplierKeyOf, UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { UploadRights } from '../territory/upload-rights.ts';
import type { DecpContract, DecpHolder } from './decp-contract.ts';
import { looksLikeMojibake } from './mojibake.ts';

/** JSON numbers arrive as their source text; exponent notation is rare but valid JSON. */
function amountText(raw: string): string {
  return /e/i.test(raw) && Number.isFinite(Number(raw)) ? Number(raw).toFixed(2) : raw;
}

const isNc = (value: string | undefined) => value !== undefined && /^\s*n\.?\s?c\.?\s*$/i.test(value);

/** The contract's amount (its latest modification's new total) in cents, or why it cannot be read. */
export function contractAmountCents(contract: DecpContract): Result<SpendAmount> {
  if (contract.amount === undefined) return fail('the contract states no amount (montant)');
  if (isNc(contract.amount)) return fail('amount is "NC" (not communicated)');
  return readSpendAmount(amountText(contract.amount), '.');
}

/**
 * The contract's date: its notification (signature for a concession), else the date its data was
 * published, flagged; else none, and the contract is counted `undated` in its dataset's period.
 */
function contractDate(contract: DecpContract): { date: string | undefined; flag?: string } {
  const notified = parseDate(contract.date ?? '', 'ymd');
  if (notified.ok) return { date: notified.value };
  const published = parseDate(contract.publicationDate ?? '', 'ymd');
  if (published.ok) return { date: published.value, flag: 'date-from-publication' };
  return { date: undefined, flag: UNDATED_FLAG };
}

/**
 * Turns one DECP contract into spend lines: one per titulaire, the amount split between them so the
 * contract is counted once. `position` is the contract's rank in the file (JSON has no line numbers).
 * Only an amount that cannot be read keeps a contract out; a titulaire's bad identifier, a missing
 * date or titulaire are flags on the lines counted.
 */
export function decpContractLines(
  contract: DecpContract,
  position: number,
  options: {
    readonly split: HolderSplit;
    readonly defaultAnchorId: string;
    readonly rights?: UploadRights | undefined;
  },
): Result<DraftLine[]> {
  const amount = contractAmountCents(contract);
  if (!amount.ok) return fail(amount.reason);
  const refusal = options.rights?.refusal(contract.buyerId ?? options.defaultAnchorId);
  if (refusal) return fail(refusal);
  const { date, flag: dateFlag } = contractDate(contract);
  // A contract naming no titulaire still spent its amount: it is counted with an unknown supplier.
  const holders: readonly DecpHolder[] = contract.holders.length > 0 ? contract.holders : [{}];
  const shares = holderShares(amount.value.cents, holders.length, options.split);
  const lines: DraftLine[] = [];
  for (const [index, holder] of holders.entries()) {
    const flags: string[] = [];
    if (dateFlag) flags.push(dateFlag);
    if (contract.holders.length === 0) flags.push('no-titulaire');
    if (!contract.buyerId) flags.push('buyer-unnamed');
    const read = isNc(holder.id)
      ? { identifier: undefined, flag: 'identifier-placeholder' as const }
      : readLineIdentifier(holder.id ?? '', holder.typeIdentifiant);
    if (read.flag) flags.push(read.flag);
    else if (!read.identifier && contract.holders.length > 0) flags.push('identifier-placeholder');
    const name = isNc(holder.denominationSociale) ? '' : (holder.denominationSociale ?? '');
    if (looksLikeMojibake(name) || looksLikeMojibake(contract.object)) flags.push('mojibake');
    if (contract.modifications > 0) flags.push('modified');
    if (contract.truncated) flags.push('value-truncated');
    if (amount.value.rounded) flags.push(AMOUNT_ROUNDED_FLAG);
    const key = supplierKeyOf({ identifier: read.identifier, name });
    if (key === UNDISCLOSED_SUPPLIER_KEY && contract.holders.length > 0 && read.invalid === undefined)
      flags.push('supplier-undisclosed');
    lines.push({
      lineNumber: position,
      anchorId: contract.buyerId ?? options.defaultAnchorId,
      ...(contract.buyerName ? { anchorName: contract.buyerName } : {}),
      ...(date ? { date } : {}),
      amountCents: shares[index] ?? 0,
      currency: 'EUR',
      supplier: {
        key,
        name,
        ...(read.identifier ? { identifier: read.identifier } : {}),
        ...(read.invalid !== undefined ? { invalidIdentifier: read.invalid } : {}),
      },
      ...(contract.cpv ? { categoryCode: contract.cpv } : {}),
      ...(contract.object ? { description: contract.object } : {}),
      contractUid: contract.key,
      ...(holders.length > 1 && options.split === 'equal' ? { shareOf: holders.length } : {}),
      ...(contract.segment === 'concession' ? { segment: 'concession' as const } : {}),
      flags,
    });
  }
  return ok(lines);
}

/** A contract seen again in a consolidated file: counted once, at its first occurrence, the copy set aside. */
export function duplicateContract(contract: DecpContract, position: number, firstPosition: number): SetAside {
  const amount = contractAmountCents(contract);
  return {
    lineNumber: position,
    reason: `contract ${contract.key} was already counted as contract #${firstPosition} of this file: duplicate`,
    raw: contract.key,
    amountCents: amount.ok ? amount.value.cents : undefined,
    setAside: 'duplicate',
  };
}
