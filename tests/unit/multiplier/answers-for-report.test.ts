import { describe, expect, it } from 'vitest';
import {
  latestAnswerBySupplier,
  surveyAnchorsFor,
} from '../../../shared/domain/multiplier/answers-for-report.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { CONSORTIUM_UPLOADER } from '../../../shared/domain/territory/consortium.ts';
import { accepted } from './multiplier-fixtures.ts';

const grenoble = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!grenoble) throw new Error('the Grenoble territory is bundled');

const answer = (
  supplierKey: string,
  anchorId: string,
  answeredOn: string,
  localPurchasesSharePercent: number,
) => ({
  ...accepted(supplierKey, {
    purchasesSharePercent: 50,
    localPurchasesSharePercent,
    wageBillSharePercent: 30,
    employees: 4,
    localEmployees: 2,
  }),
  anchorId,
  answeredOn,
});

describe('the answers a report uses', () => {
  it('are an anchor’s own for its report, every anchor’s for the consortium', () => {
    expect(surveyAnchorsFor(grenoble, ['SYNTHETIC-regie', CONSORTIUM_UPLOADER], '21380185500015')).toEqual([
      '21380185500015',
    ]);
    expect(
      surveyAnchorsFor(grenoble, ['SYNTHETIC-regie', CONSORTIUM_UPLOADER, '21380185500015'], undefined),
    ).toEqual(['20004071500019', '21380185500015', 'SYNTHETIC-regie']);
  });

  it('keep one answer per supplier, the latest, whichever anchor gathered it', () => {
    const latest = latestAnswerBySupplier([
      answer('siret:a', 'city', '2026-01-10', 10),
      answer('siret:a', 'metropole', '2026-03-02', 20),
      answer('siret:a', 'city', '2026-02-01', 30),
      answer('siret:b', 'city', '2026-02-01', 40),
      answer('siret:b', 'metropole', '2026-02-01', 50),
    ]);
    expect(
      [...latest].map(([key, kept]) => [key, kept.anchorId, kept.answer.localPurchasesSharePercent]),
    ).toEqual([
      ['siret:a', 'metropole', 20],
      ['siret:b', 'city', 40],
    ]);
  });
});
