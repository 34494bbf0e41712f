import * as z from 'zod';

/**
 * What Recherche d'entreprises answers to `GET /search?q=<siren|siret>`, as its OpenAPI document
 * describes it (recherche-entreprises.api.gouv.fr/docs): only the fields Ancrage reads, each
 * nullable as the service leaves them null. Unknown fields are ignored, so additions do not break it.
 */
const text = z.string().nullish();

export const RechercheEtablissementSchema = z.object({
  siret: z.string().regex(/^\d{14}$/),
  est_siege: z.boolean().nullish(),
  etat_administratif: text,
  activite_principale: text,
  tranche_effectif_salarie: text,
  commune: text,
  code_postal: text,
  /** Given for the head office only: the list of matching establishments leaves these out. */
  code_pays_etranger: text,
  libelle_pays_etranger: text,
  liste_enseignes: z.array(z.string()).nullish(),
  nom_commercial: text,
  date_mise_a_jour_insee: text,
  date_mise_a_jour: text,
});

export const RechercheUniteSchema = z.object({
  siren: z.string().regex(/^\d{9}$/),
  nom_complet: text,
  nom_raison_sociale: text,
  sigle: text,
  nature_juridique: text,
  categorie_entreprise: text,
  tranche_effectif_salarie: text,
  activite_principale: text,
  etat_administratif: text,
  statut_diffusion: text,
  date_mise_a_jour: text,
  date_mise_a_jour_insee: text,
  siege: RechercheEtablissementSchema.nullish(),
  matching_etablissements: z.array(RechercheEtablissementSchema).nullish(),
  complements: z
    .object({ est_ess: z.boolean().nullish(), est_entrepreneur_individuel: z.boolean().nullish() })
    .nullish(),
});

export const RechercheAnswerSchema = z.object({
  results: z.array(RechercheUniteSchema),
  total_results: z.number().int().nonnegative().optional(),
});

export type RechercheEtablissement = z.infer<typeof RechercheEtablissementSchema>;
export type RechercheUnite = z.infer<typeof RechercheUniteSchema>;
export type RechercheAnswer = z.infer<typeof RechercheAnswerSchema>;
