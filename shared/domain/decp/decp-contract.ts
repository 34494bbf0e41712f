import { z } from 'zod';

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
  id: Identifier,
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
    id: Identifier,
    acheteur: Party,
    objet: Text,
    codeCPV: Text,
    montant: Amount,
    dateNotification: z.string(),
    titulaires: z.array(holder),
    modifications: z.array(modification).default([]),
  });

const concession = <Holder extends z.ZodType, Modification extends z.ZodType>(
  holder: Holder,
  modification: Modification,
) =>
  z.object({
    id: Identifier,
    autoriteConcedante: Party,
    objet: Text,
    valeurGlobale: Amount,
    dateSignature: z.string(),
    concessionnaires: z.array(holder),
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
  readonly id: string;
  readonly denominationSociale?: string | undefined;
}

/** A DECP contract reduced to what spend analysis needs, its modifications already applied. */
export interface DecpContract {
  /** `marche` and `concession` are never summed together. */
  readonly segment: 'marche' | 'concession';
  /** The official unique key: buyer id + contract id. */
  readonly key: string;
  readonly buyerId: string;
  readonly buyerName: string | undefined;
  readonly object: string | undefined;
  readonly cpv: string | undefined;
  readonly date: string;
  /** The amount as written in the file (the latest modification's new total when there is one). */
  readonly amount: string;
  readonly holders: readonly DecpHolder[];
  readonly modifications: number;
}
