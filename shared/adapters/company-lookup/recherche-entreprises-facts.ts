import type { EstablishmentFacts } from '../../domain/registry/supplier-facts.ts';
import type { Result } from '../../domain/result.ts';
import type { LookupAnswer } from '../../ports/company-lookup.ts';
import { establishmentFactsFromColumns, unitFactsFromColumns } from './facts-from-columns.ts';
import type { LookupIdentifier } from './lookup-identifier.ts';
import {
  RechercheAnswerSchema,
  type RechercheEtablissement,
  type RechercheUnite,
} from './recherche-entreprises-answer.ts';
import { malformed, unavailable } from './unavailable.ts';

const VIA = 'recherche-entreprises';

/** The facts in an answer of Recherche d'entreprises about the SIREN or SIRET asked for. */
export function rechercheEntreprisesFacts(body: unknown, asked: LookupIdentifier, day: string): LookupAnswer {
  const parsed = RechercheAnswerSchema.safeParse(body);
  if (!parsed.success) return malformed(VIA, parsed.error);
  const unit = parsed.data.results.find((result) => result.siren === asked.siren);
  if (!unit) return { status: 'not-found' };
  // A unit under partial diffusion ("P") comes back with its names and addresses masked: it is not
  // public, as the API Sirene's 403 says of the same units.
  if (unit.statut_diffusion === 'P') return { status: 'not-found' };

  const unitFacts = unitFactsFromColumns(unitValues(unit), day, VIA);
  if (!unitFacts.ok) return unavailable(VIA, unitFacts.reason);

  const headOffice = unit.siege ? establishment(unit.siege, day, true) : undefined;
  const askedFor =
    asked.kind === 'siret' && unit.siege?.siret !== asked.siret
      ? unit.matching_etablissements?.find((candidate) => candidate.siret === asked.siret)
      : undefined;
  const establishments: EstablishmentFacts[] = [];
  for (const facts of [askedFor && establishment(askedFor, day, false), headOffice]) {
    if (!facts) continue;
    if (!facts.ok) return unavailable(VIA, facts.reason);
    establishments.push(facts.value);
  }
  return { status: 'found', unit: unitFacts.value, establishments };
}

function unitValues(unit: RechercheUnite) {
  // The search API gives no separate first and last names: a natural person's name is `nom_complet`
  // ("PRENOM NOM"), to which it appends in brackets the birth name, the head office's trade name
  // and the acronym. What comes before the first bracket is SIRENE's own "prénom nom d'usage".
  const naturalPerson =
    unit.nature_juridique === '1000' || unit.complements?.est_entrepreneur_individuel === true;
  const nameAlone = unit.nom_complet?.split(' (')[0]?.trim() ?? '';
  const ess = unit.complements?.est_ess;
  return {
    siren: unit.siren,
    denominationUniteLegale: naturalPerson ? '' : unit.nom_raison_sociale || (unit.sigle ? '' : nameAlone),
    nomUniteLegale: naturalPerson ? nameAlone : '',
    sigleUniteLegale: unit.sigle,
    categorieJuridiqueUniteLegale: unit.nature_juridique,
    economieSocialeSolidaireUniteLegale: ess === true ? 'O' : ess === false ? 'N' : '',
    categorieEntreprise: unit.categorie_entreprise,
    trancheEffectifsUniteLegale: unit.tranche_effectif_salarie,
    activitePrincipaleUniteLegale: unit.activite_principale,
    etatAdministratifUniteLegale: unit.etat_administratif,
    dateDernierTraitementUniteLegale: unit.date_mise_a_jour_insee || unit.date_mise_a_jour,
  };
}

function establishment(
  etablissement: RechercheEtablissement,
  day: string,
  isHeadOffice: boolean,
): Result<EstablishmentFacts> {
  const facts = establishmentFactsFromColumns(
    {
      siren: etablissement.siret.slice(0, 9),
      siret: etablissement.siret,
      etablissementSiege: isHeadOffice || etablissement.est_siege === true,
      codeCommuneEtablissement: etablissement.commune,
      codePostalEtablissement: etablissement.code_postal,
      codePaysEtrangerEtablissement: etablissement.code_pays_etranger,
      libellePaysEtrangerEtablissement: etablissement.libelle_pays_etranger,
      etatAdministratifEtablissement: etablissement.etat_administratif,
      enseigne1Etablissement: etablissement.liste_enseignes?.[0],
      denominationUsuelleEtablissement: etablissement.nom_commercial,
      activitePrincipaleEtablissement: etablissement.activite_principale,
      trancheEffectifsEtablissement: etablissement.tranche_effectif_salarie,
      dateDernierTraitementEtablissement:
        etablissement.date_mise_a_jour_insee || etablissement.date_mise_a_jour,
    },
    day,
    VIA,
  );
  // The matching establishments come without their country. SIRENE gives every establishment in
  // France a commune code, so one with neither commune nor postcode is abroad, in a country unknown.
  const countryHidden =
    !isHeadOffice && !etablissement.code_pays_etranger && !etablissement.libelle_pays_etranger;
  if (facts.ok && countryHidden && !etablissement.commune && !etablissement.code_postal) {
    return { ok: true, value: { ...facts.value, place: { country: 'ZZ' } } };
  }
  return facts;
}
