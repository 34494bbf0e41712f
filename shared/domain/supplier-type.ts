/** Supplier types a report can carry (a contract: `bySupplierType[].type`), in display order. */
export const SUPPLIER_TYPES = {
  public: { fr: 'Organismes publics', en: 'Public bodies' },
  cooperative: { fr: 'Coopératives', en: 'Cooperatives' },
  association: { fr: 'Associations', en: 'Associations and charities' },
  mutual: { fr: 'Mutuelles', en: 'Mutuals' },
  foundation: { fr: 'Fondations', en: 'Foundations' },
  'other-ess': { fr: 'Autres structures de l’ESS', en: 'Other social economy organisations' },
  'sole-trader': { fr: 'Entrepreneurs individuels', en: 'Sole traders' },
  sme: { fr: 'Petites et moyennes entreprises (PME)', en: 'Small and medium-sized enterprises (SMEs)' },
  'mid-size': { fr: 'Entreprises de taille intermédiaire (ETI)', en: 'Mid-size companies' },
  large: { fr: 'Grandes entreprises', en: 'Large companies' },
  'public-owned': { fr: 'Entreprises publiques', en: 'Publicly owned companies' },
  company: { fr: 'Entreprises (taille non déterminée)', en: 'Companies (size not known)' },
  unknown: { fr: 'Non déterminé', en: 'Unknown' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type SupplierType = keyof typeof SUPPLIER_TYPES;
export const SUPPLIER_TYPE_IDS = Object.keys(SUPPLIER_TYPES) as SupplierType[];

const isSupplierType = (type: string): type is SupplierType => Object.hasOwn(SUPPLIER_TYPES, type);

export function supplierTypeLabel(type: string, language: 'fr' | 'en'): string {
  return isSupplierType(type) ? SUPPLIER_TYPES[type][language] : type;
}
