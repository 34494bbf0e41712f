import { FieldCutter } from '../field-cutter.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  ConcessionV1Schema,
  ConcessionV2Schema,
  type DecpContract,
  type DecpHolder,
  MarcheV1Schema,
  MarcheV2Schema,
} from './decp-contract.ts';

export type DecpVersion = 'v1' | 'v2';
export type DecpSegment = 'marche' | 'concession';

interface Modification {
  readonly montant?: string | undefined;
  readonly valeurGlobale?: string | undefined;
  readonly titulaires?: readonly DecpHolder[] | undefined;
  readonly concessionnaires?: readonly DecpHolder[] | undefined;
  readonly dateNotificationModification?: string | undefined;
  readonly dateSignatureModification?: string | undefined;
  readonly datePublicationDonneesModification?: string | undefined;
}

const modificationDate = (modification: Modification) =>
  modification.dateNotificationModification ??
  modification.dateSignatureModification ??
  modification.datePublicationDonneesModification ??
  '';

/**
 * A modification's amount is the contract's **new total**, not an increment: the latest modification
 * that states an amount (or holders) replaces the original.
 */
function latest<T>(
  modifications: readonly Modification[],
  pick: (m: Modification) => T | undefined,
): T | undefined {
  const dated = [...modifications].sort((a, b) => modificationDate(a).localeCompare(modificationDate(b)));
  let value: T | undefined;
  for (const modification of dated) value = pick(modification) ?? value;
  return value;
}

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'contract'}: ${issue.message}`)
    .join('; ');
}

/** A holder's texts, cut as every stored value is. */
const cutHolders = (cutter: FieldCutter, holders: readonly DecpHolder[]): DecpHolder[] =>
  holders.map((holder) => ({
    typeIdentifiant: cutter.cut(holder.typeIdentifiant),
    id: cutter.cut(holder.id),
    denominationSociale: cutter.cut(holder.denominationSociale),
  }));

/** The official key, or the contract's rank when the file leaves out its buyer or its id. */
const keyOf = (buyerId: string | undefined, id: string | undefined, position: number) =>
  buyerId && id ? `${buyerId}/${id}` : `#${position}`;

/**
 * Reads one published contract object of the given version and segment, `position` its rank in the
 * file. Only what makes it no contract at all fails here; a missing amount or date is judged when it
 * is counted. Every text kept is cut at `MAX_FIELD_LENGTH` (`truncated` says so): a 500 KB `objet`
 * must not make a line larger than a DynamoDB item may be. The amount is never cut, since a cut would
 * change it; the dates are only parsed, never stored as written.
 */
export function readDecpContract(
  value: unknown,
  version: DecpVersion,
  segment: DecpSegment,
  position: number,
): Result<DecpContract> {
  const isV1Concession =
    version === 'v1' &&
    typeof value === 'object' &&
    value !== null &&
    '_type' in value &&
    value._type === 'Contrat de concession';
  const effective: DecpSegment = isV1Concession ? 'concession' : segment;
  if (effective === 'marche') {
    const parsed = (version === 'v1' ? MarcheV1Schema : MarcheV2Schema).safeParse(value);
    if (!parsed.success) return fail(`not a readable DECP contract (${describeIssues(parsed.error)})`);
    const contract = parsed.data;
    const cutter = new FieldCutter();
    const buyerId = cutter.cut(contract.acheteur?.id);
    return ok({
      segment: 'marche',
      key: keyOf(buyerId, cutter.cut(contract.id), position),
      buyerId,
      buyerName: cutter.cut(contract.acheteur?.nom),
      object: cutter.cut(contract.objet),
      cpv: contract.codeCPV?.slice(0, 8),
      date: contract.dateNotification,
      publicationDate: contract.datePublicationDonnees,
      amount: latest(contract.modifications, (m) => m.montant) ?? contract.montant,
      holders: cutHolders(cutter, latest(contract.modifications, (m) => m.titulaires) ?? contract.titulaires),
      modifications: contract.modifications.length,
      truncated: cutter.truncated,
    });
  }
  const parsed = (version === 'v1' ? ConcessionV1Schema : ConcessionV2Schema).safeParse(value);
  if (!parsed.success) return fail(`not a readable DECP concession (${describeIssues(parsed.error)})`);
  const concession = parsed.data;
  const cutter = new FieldCutter();
  const buyerId = cutter.cut(concession.autoriteConcedante?.id);
  return ok({
    segment: 'concession',
    key: keyOf(buyerId, cutter.cut(concession.id), position),
    buyerId,
    buyerName: cutter.cut(concession.autoriteConcedante?.nom),
    object: cutter.cut(concession.objet),
    cpv: undefined,
    date: concession.dateSignature,
    publicationDate: concession.datePublicationDonnees,
    amount: latest(concession.modifications, (m) => m.valeurGlobale) ?? concession.valeurGlobale,
    holders: cutHolders(
      cutter,
      latest(concession.modifications, (m) => m.concessionnaires) ?? concession.concessionnaires,
    ),
    modifications: concession.modifications.length,
    truncated: cutter.truncated,
  });
}
