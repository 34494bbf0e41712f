import * as z from 'zod';

/**
 * What the API Sirene 3.11 answers to `GET /siret/{siret}` and `GET /siren/{siren}`, as INSEE
 * documents it (portail-api.insee.fr, API Sirene): only the variables Ancrage reads, named as in
 * the stock files, each nullable as INSEE leaves them null. Unknown variables are ignored.
 */
const text = z.string().nullish();

/** The legal unit's current values, flattened into an establishment's answer. */
const UniteLegaleOfEtablissementSchema = z.object({
  etatAdministratifUniteLegale: text,
  statutDiffusionUniteLegale: text,
  categorieJuridiqueUniteLegale: text,
  denominationUniteLegale: text,
  sigleUniteLegale: text,
  nomUniteLegale: text,
  nomUsageUniteLegale: text,
  prenom1UniteLegale: text,
  prenomUsuelUniteLegale: text,
  activitePrincipaleUniteLegale: text,
  economieSocialeSolidaireUniteLegale: text,
  trancheEffectifsUniteLegale: text,
  nicSiegeUniteLegale: text,
  dateDernierTraitementUniteLegale: text,
  categorieEntreprise: text,
});

export const EtablissementSchema = z.object({
  siren: z.string().regex(/^\d{9}$/),
  siret: z.string().regex(/^\d{14}$/),
  statutDiffusionEtablissement: text,
  etablissementSiege: z.boolean(),
  trancheEffectifsEtablissement: text,
  dateDernierTraitementEtablissement: text,
  uniteLegale: UniteLegaleOfEtablissementSchema,
  adresseEtablissement: z.object({
    codeCommuneEtablissement: text,
    codePostalEtablissement: text,
    codePaysEtrangerEtablissement: text,
    libellePaysEtrangerEtablissement: text,
  }),
  /** Most recent first; the current period is the one with no `dateFin`. */
  periodesEtablissement: z
    .array(
      z.object({
        dateFin: text,
        etatAdministratifEtablissement: text,
        activitePrincipaleEtablissement: text,
        enseigne1Etablissement: text,
        denominationUsuelleEtablissement: text,
      }),
    )
    .min(1),
});

export const SiretAnswerSchema = z.object({ etablissement: EtablissementSchema });

export const UniteLegaleSchema = z.object({
  siren: z.string().regex(/^\d{9}$/),
  statutDiffusionUniteLegale: text,
  sigleUniteLegale: text,
  prenom1UniteLegale: text,
  prenomUsuelUniteLegale: text,
  trancheEffectifsUniteLegale: text,
  dateDernierTraitementUniteLegale: text,
  categorieEntreprise: text,
  /** Most recent first; the current period is the one with no `dateFin`. */
  periodesUniteLegale: z
    .array(
      z.object({
        dateFin: text,
        etatAdministratifUniteLegale: text,
        nomUniteLegale: text,
        nomUsageUniteLegale: text,
        denominationUniteLegale: text,
        categorieJuridiqueUniteLegale: text,
        activitePrincipaleUniteLegale: text,
        nicSiegeUniteLegale: text,
        economieSocialeSolidaireUniteLegale: text,
      }),
    )
    .min(1),
});

export const SirenAnswerSchema = z.object({ uniteLegale: UniteLegaleSchema });

export type Etablissement = z.infer<typeof EtablissementSchema>;
export type UniteLegale = z.infer<typeof UniteLegaleSchema>;
