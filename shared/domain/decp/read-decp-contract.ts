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

/** The official key, or the contract's rank when the file leaves out its buyer or its id. */
const keyOf = (buyerId: string | undefined, id: string | undefined, position: number) =>
  buyerId && id ? `${buyerId}/${id}` : `#${position}`;

/**
 * Reads one published contract object of the given version and segment, `position` its rank in the
 * file. Only what makes it no contract at all fails here; a missing amount or date is judged when it
 * is counted.
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
    return ok({
      segment: 'marche',
      key: keyOf(contract.acheteur?.id, contract.id, position),
      buyerId: contract.acheteur?.id,
      buyerName: contract.acheteur?.nom,
      object: contract.objet,
      cpv: contract.codeCPV?.slice(0, 8),
      date: contract.dateNotification,
      publicationDate: contract.datePublicationDonnees,
      amount: latest(contract.modifications, (m) => m.montant) ?? contract.montant,
      holders: latest(contract.modifications, (m) => m.titulaires) ?? contract.titulaires,
      modifications: contract.modifications.length,
    });
  }
  const parsed = (version === 'v1' ? ConcessionV1Schema : ConcessionV2Schema).safeParse(value);
  if (!parsed.success) return fail(`not a readable DECP concession (${describeIssues(parsed.error)})`);
  const concession = parsed.data;
  const authority = concession.autoriteConcedante;
  return ok({
    segment: 'concession',
    key: keyOf(authority?.id, concession.id, position),
    buyerId: authority?.id,
    buyerName: authority?.nom,
    object: concession.objet,
    cpv: undefined,
    date: concession.dateSignature,
    publicationDate: concession.datePublicationDonnees,
    amount: latest(concession.modifications, (m) => m.valeurGlobale) ?? concession.valeurGlobale,
    holders: latest(concession.modifications, (m) => m.concessionnaires) ?? concession.concessionnaires,
    modifications: concession.modifications.length,
  });
}
