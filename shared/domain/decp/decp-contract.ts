import * as z from 'zod';

/**
 * DECP contract objects as published, read leniently: only the fields Ancrage uses are checked, and
 * identifiers and amounts may arrive as JSON numbers kept as their source text (so `42980.1` is
 * exact in cents).
 */
const AsText = z.union([z.string(), z.number()]).transform(String);
const Amount = AsText;
const Identifier = AsText;
const Text = z.string().optional();
const Party = z.object({ id: Identifier, nom: Text });

const HolderV1 = z.object({
  typeIdentifiant: Text,
  id: Identifier.optional(),
  denominationSociale: Text,
});
const HolderV2 = z.object({ titulaire: HolderV1 }).transform((holder) => holder.titulaire);
const ConcessionHolderV2 = z
  .object({ concessionnaire: HolderV1 })
  .transform((holder) => holder.concessionnaire);

const ModificationV1 = z.object({
  montant: Amount.optional(),
  valeurGlobale: Amount.optional(),
  titulaires: z.array(HolderV1).optional(),
  concessionnaires: z.array(HolderV1).optional(),
  dateNotificationModification: Text,
  dateSignatureModification: Text,
  datePublicationDonneesModification: Text,
});

const ModificationV2 = z
  .object({
    modification: z.object({
      montant: Amount.optional(),
      valeurGlobale: Amount.optional(),
      titulaires: z.array(HolderV2).optional(),
      dateNotificationModification: Text,
      dateSignatureModification: Text,
      datePublicationDonneesModification: Text,
    }),
  })
  .transform((wrapper) => wrapper.modification);

/** A marché and a concession have the same shape in both versions; holders and modifications differ. */
const marche = <Holder extends z.ZodType, Modification extends z.ZodType>(
  holder: Holder,
  modification: Modification,
) =>
  z.object({
    id: Identifier.optional(),
    acheteur: Party.optional(),
    objet: Text,
    codeCPV: Text,
    // Checked when the contract is counted: a missing amount is a reason given for that contract.
    montant: Amount.optional(),
    dateNotification: AsText.optional(),
    datePublicationDonnees: AsText.optional(),
    titulaires: z.array(holder).default([]),
    modifications: z.array(modification).default([]),
  });

const concession = <Holder extends z.ZodType, Modification extends z.ZodType>(
  holder: Holder,
  modification: Modification,
) =>
  z.object({
    id: Identifier.optional(),
    autoriteConcedante: Party.optional(),
    objet: Text,
    valeurGlobale: Amount.optional(),
    dateSignature: AsText.optional(),
    datePublicationDonnees: AsText.optional(),
    concessionnaires: z.array(holder).default([]),
    modifications: z.array(modification).default([]),
  });

export const MarcheV1Schema = marche(HolderV1, ModificationV1).extend({ _type: Text });
export const ConcessionV1Schema = concession(HolderV1, ModificationV1).extend({
  _type: z.literal('Contrat de concession'),
});
export const MarcheV2Schema = marche(HolderV2, ModificationV2);
export const ConcessionV2Schema = concession(ConcessionHolderV2, ModificationV2);

export interface DecpHolder {
  readonly typeIdentifiant?: string | undefined;
  readonly id?: string | undefined;
  readonly denominationSociale?: string | undefined;
}

/** A DECP contract reduced to what spend analysis needs, its modifications already applied. */
export interface DecpContract {
  /** `marche` and `concession` are never summed together. */
  readonly segment: 'marche' | 'concession';
  /** The official unique key: buyer id + contract id (its rank in the file when the file omits either). */
  readonly key: string;
  /** Absent when the file does not name the buyer: the uploader's institution is then the buyer. */
  readonly buyerId: string | undefined;
  readonly buyerName: string | undefined;
  readonly object: string | undefined;
  readonly cpv: string | undefined;
  /** The date of notification (signature for a concession), as written; absent when not given. */
  readonly date: string | undefined;
  /** The date the data was published: the contract's date when the other is missing. */
  readonly publicationDate: string | undefined;
  /** The amount as written in the file (the latest modification's new total when there is one). */
  readonly amount: string | undefined;
  readonly holders: readonly DecpHolder[];
  readonly modifications: number;
  /** A text of the contract was longer than `MAX_FIELD_LENGTH` and was cut: its lines are flagged. */
  readonly truncated: boolean;
}
