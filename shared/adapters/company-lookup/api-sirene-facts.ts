import type { EstablishmentFacts, UnitFacts } from '../../domain/registry/supplier-facts.ts';
import type { Result } from '../../domain/result.ts';
import type { Etablissement, UniteLegale } from './api-sirene-answer.ts';
import { establishmentFactsFromColumns, unitFactsFromColumns } from './facts-from-columns.ts';

const VIA = 'api-sirene';

/** INSEE lists periods most recent first; the one without an end is in force. */
const current = <T extends { readonly dateFin?: string | null }>(periods: readonly T[]): T | undefined =>
  periods.find((period) => !period.dateFin) ?? periods[0];

/**
 * The unit as an establishment's answer gives it: its variables flattened and already current, under
 * the stock files' names (the derivation reads the ones it knows and ignores the rest).
 */
export function unitOfEtablissement(etablissement: Etablissement, day: string): Result<UnitFacts> {
  return unitFactsFromColumns({ siren: etablissement.siren, ...etablissement.uniteLegale }, day, VIA);
}

export function unitOfUniteLegale(unit: UniteLegale, day: string): Result<UnitFacts> {
  const period = current(unit.periodesUniteLegale);
  return unitFactsFromColumns(
    {
      siren: unit.siren,
      denominationUniteLegale: period?.denominationUniteLegale,
      nomUniteLegale: period?.nomUniteLegale,
      nomUsageUniteLegale: period?.nomUsageUniteLegale,
      prenom1UniteLegale: unit.prenom1UniteLegale,
      prenomUsuelUniteLegale: unit.prenomUsuelUniteLegale,
      sigleUniteLegale: unit.sigleUniteLegale,
      categorieJuridiqueUniteLegale: period?.categorieJuridiqueUniteLegale,
      economieSocialeSolidaireUniteLegale: period?.economieSocialeSolidaireUniteLegale,
      categorieEntreprise: unit.categorieEntreprise,
      trancheEffectifsUniteLegale: unit.trancheEffectifsUniteLegale,
      activitePrincipaleUniteLegale: period?.activitePrincipaleUniteLegale,
      etatAdministratifUniteLegale: period?.etatAdministratifUniteLegale,
      dateDernierTraitementUniteLegale: unit.dateDernierTraitementUniteLegale,
    },
    day,
    VIA,
  );
}

/** The SIRET of the unit's head office, from the current period's NIC. */
export function headOfficeSiret(unit: UniteLegale): string | undefined {
  const siret = `${unit.siren}${current(unit.periodesUniteLegale)?.nicSiegeUniteLegale ?? ''}`;
  return /^\d{14}$/.test(siret) ? siret : undefined;
}

export function establishmentOf(etablissement: Etablissement, day: string): Result<EstablishmentFacts> {
  const period = current(etablissement.periodesEtablissement);
  const address = etablissement.adresseEtablissement;
  return establishmentFactsFromColumns(
    {
      siren: etablissement.siren,
      siret: etablissement.siret,
      etablissementSiege: etablissement.etablissementSiege,
      codeCommuneEtablissement: address.codeCommuneEtablissement,
      codePostalEtablissement: address.codePostalEtablissement,
      codePaysEtrangerEtablissement: address.codePaysEtrangerEtablissement,
      libellePaysEtrangerEtablissement: address.libellePaysEtrangerEtablissement,
      etatAdministratifEtablissement: period?.etatAdministratifEtablissement,
      enseigne1Etablissement: period?.enseigne1Etablissement,
      denominationUsuelleEtablissement: period?.denominationUsuelleEtablissement,
      activitePrincipaleEtablissement: period?.activitePrincipaleEtablissement,
      trancheEffectifsEtablissement: etablissement.trancheEffectifsEtablissement,
      dateDernierTraitementEtablissement: etablissement.dateDernierTraitementEtablissement,
    },
    day,
    VIA,
  );
}
