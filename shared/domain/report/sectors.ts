import * as z from 'zod';
import cpvJson from '../../../data/reference/cpv-divisions.json' with { type: 'json' };
import m57Json from '../../../data/reference/m57-accounts.json' with { type: 'json' };
import type { Currency, DatasetKind } from '../dataset-kind.ts';

const LabelsSchema = z.record(z.string(), z.object({ fr: z.string(), en: z.string() }));
const CPV_DIVISIONS = new Map(Object.entries(LabelsSchema.parse(cpvJson.divisions)));
const M57_ACCOUNTS = new Map(Object.entries(LabelsSchema.parse(m57Json.accounts)));

export type SectorScheme = 'cpv-division' | 'nature-chapter' | 'expense-type' | 'none';

/** Spend with no category stays together, named as such. */
export const UNCATEGORISED_SECTOR = 'uncategorised';

/**
 * How a report groups spend into sectors: CPV divisions for contracts, French accounting accounts
 * for French payments, the council's own expense types for UK payments.
 */
export function sectorSchemeOf(kind: DatasetKind, currency: Currency): SectorScheme {
  if (kind === 'contracts') return 'cpv-division';
  return currency === 'EUR' ? 'nature-chapter' : 'expense-type';
}

/** The sector of a category code under a scheme: the CPV division, or the 3-digit account when labelled. */
export function sectorOf(category: string, scheme: SectorScheme): string {
  const code = category.trim();
  if (code === '') return UNCATEGORISED_SECTOR;
  switch (scheme) {
    case 'cpv-division':
      return /^\d{2}/.test(code) ? code.slice(0, 2) : UNCATEGORISED_SECTOR;
    case 'nature-chapter': {
      if (!/^\d{2}/.test(code)) return UNCATEGORISED_SECTOR;
      const account = code.slice(0, 3);
      return M57_ACCOUNTS.has(account) ? account : code.slice(0, 2);
    }
    case 'expense-type':
      return code;
    case 'none':
      return UNCATEGORISED_SECTOR;
  }
}

const UNCATEGORISED_LABEL = { fr: 'Sans catégorie', en: 'Uncategorised' };

/** A readable sector label; expense types are their own label (or the one the file gave). */
export function sectorLabel(
  sector: string,
  scheme: SectorScheme,
  language: 'fr' | 'en',
  fileLabel: string | undefined,
): string {
  if (sector === UNCATEGORISED_SECTOR) return UNCATEGORISED_LABEL[language];
  const table =
    scheme === 'cpv-division' ? CPV_DIVISIONS : scheme === 'nature-chapter' ? M57_ACCOUNTS : undefined;
  const known = table?.get(sector)?.[language];
  if (known) return scheme === 'expense-type' ? known : `${sector} — ${known}`;
  return fileLabel ? `${sector} — ${fileLabel}` : sector;
}
