import { formatCentsAsUnits } from '../money.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import { ABROAD, bandLabel, type Territory, UNKNOWN } from '../territory/territory.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { addCents, amountAndShare, shareOf } from './share.ts';

export type LocalityView = 'establishment' | 'headOffice';

const ringIn = (supplier: ClassifiedSupplier, view: LocalityView) =>
  view === 'establishment' ? supplier.ring : supplier.headOfficeRing;
const sourceIn = (supplier: ClassifiedSupplier, view: LocalityView) =>
  view === 'establishment' ? supplier.ringSource : supplier.headOfficeSource;

const sumOf = (suppliers: readonly ClassifiedSupplier[]) =>
  suppliers.reduce((total, supplier) => total + supplier.influenceableCents, 0);

/**
 * Spend by ring as exclusive bands, most local first, then abroad and unknown, adding up to the
 * influenceable total; with cumulative shares, the headline for the local ring and the coverage.
 */
export function ringBands(
  suppliers: readonly ClassifiedSupplier[],
  view: LocalityView,
  territory: Territory,
  language: 'fr' | 'en',
  influenceableCents: number,
) {
  const bandIds = [...territory.rings.map((ring) => ring.id), ABROAD, UNKNOWN];
  let cumulative = 0;
  const bands = bandIds.map((band) => {
    const members = suppliers.filter((supplier) => ringIn(supplier, view) === band);
    const cents = sumOf(members);
    cumulative += cents;
    return {
      ring: band,
      label: bandLabel(territory, band, language),
      ...amountAndShare(cents, influenceableCents),
      cumulativeShare: shareOf(cumulative, influenceableCents),
      suppliers: members.filter((supplier) => supplier.key !== UNDISCLOSED_SUPPLIER_KEY).length,
      ambiguousAmount: formatCentsAsUnits(
        view === 'establishment' ? sumOf(members.filter((supplier) => supplier.ambiguous)) : 0,
      ),
    };
  });
  const localIndex = bandIds.indexOf(territory.localRing);
  const localCents = sumOf(
    suppliers.filter((supplier) => bandIds.indexOf(ringIn(supplier, view)) <= localIndex),
  );
  const unknownCents = sumOf(suppliers.filter((supplier) => ringIn(supplier, view) === UNKNOWN));
  const bySource = new Map<string, number>();
  for (const supplier of suppliers) addCents(bySource, sourceIn(supplier, view), supplier.influenceableCents);
  return {
    bands,
    localCents,
    unknownCents,
    ambiguousCents: view === 'establishment' ? sumOf(suppliers.filter((supplier) => supplier.ambiguous)) : 0,
    bySource: [...bySource].map(([source, cents]) => ({
      source,
      ...amountAndShare(cents, influenceableCents),
    })),
  };
}
