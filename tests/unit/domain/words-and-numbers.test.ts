import { describe, expect, it } from 'vitest';
import { parseRejectsCsv } from '../../../portal/src/pages/upload/rejects-csv.ts';
import { formatName } from '../../../shared/domain/formats/format-names.ts';
import { locateHeader } from '../../../shared/domain/formats/header-match.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { formatOfMappingProfile } from '../../../shared/domain/formats/mapping-profile.ts';
import {
  localiseReason,
  REASON_CODES,
  readReason,
  reasonParamNames,
  reasonText,
} from '../../../shared/domain/ingest/rejection-reasons.ts';
import { parseAmountToCents } from '../../../shared/domain/money.ts';
import { formatMoneyCents } from '../../../shared/domain/money-text.ts';
import { uploadRightsOf } from '../../../shared/domain/territory/upload-rights.ts';
import { RejectsFile } from '../../../shared/use-cases/rejects-file.ts';

const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('the catalogue of rejection reasons', () => {
  it('gives every code a French and an English text, different and with the same parameters', () => {
    for (const code of REASON_CODES) {
      const params = Object.fromEntries(reasonParamNames(code).map((name, i) => [name, String(i + 7)]));
      const en = reasonText(code, params, 'en');
      const fr = reasonText(code, params, 'fr');
      expect(en, code).not.toBe('');
      expect(fr, code).not.toBe(en);
      for (const value of Object.values(params)) expect(fr, code).toContain(value);
      // What ingest writes reads back to its code and parameters.
      expect(readReason(en), code).toEqual({ code, params });
    }
  });

  it('reads the reasons the domain writes today, and says them in French', () => {
    const empty = parseAmountToCents('');
    const nan = parseAmountToCents('douze');
    expect(empty.ok || localiseReason(empty.reason, 'fr')).toBe('le montant est vide');
    expect(nan.ok || plain(localiseReason(nan.reason, 'fr'))).toBe(
      'le montant « douze » n’est pas un nombre',
    );
    expect(plain(localiseReason('line 4: amount is empty', 'fr'))).toBe('ligne 4 : le montant est vide');
    expect(localiseReason('a reason no catalogue holds', 'fr')).toBe('a reason no catalogue holds');
    expect(localiseReason('amount is empty', 'en')).toBe('amount is empty');
  });

  it('translates the buyer refused by the tenant rule', () => {
    const territory = {
      anchors: [
        { id: '21380185500015', name: 'Ville de Grenoble', satellites: [] },
        { id: '20004545700017', name: 'Grenoble-Alpes Métropole', satellites: [] },
      ],
    };
    const rights = uploadRightsOf(
      territory as unknown as Parameters<typeof uploadRightsOf>[0],
      '21380185500015',
    );
    const refusal = rights.refusal('20004545700017');
    expect(refusal).toBeDefined();
    expect(readReason(refusal ?? '')?.code).toBe('buyer-refused');
    expect(localiseReason(refusal ?? '', 'fr')).toContain(
      'l’acheteur de cette ligne est Grenoble-Alpes Métropole',
    );
  });

  it('stores code and parameters in the rejects file, and the French portal shows French', () => {
    const file = new RejectsFile();
    file.add([{ lineNumber: 3, reason: 'amount "abc" is not a number', raw: 'x;abc' }]);
    const text = file.toString();
    expect(text.split('\r\n')[0]).toBe('\uFEFFline;status;reason;amount;content;code;params');
    expect(text).toContain('amount-not-a-number');
    const [fr] = parseRejectsCsv(text, 'fr');
    expect(plain(fr?.reason ?? '')).toBe('le montant « abc » n’est pas un nombre');
    const [en] = parseRejectsCsv(text, 'en');
    expect(en?.reason).toBe('amount "abc" is not a number');
    // A file written before the codes still reads in French.
    const [old] = parseRejectsCsv('line;reason;content\r\n3;amount is empty;x\r\n', 'fr');
    expect(old?.reason).toBe('le montant est vide');
  });
});

describe('format names', () => {
  it.each([
    [
      'uk-spend-csv',
      'Dépenses britanniques de plus de 500 £ (Local Government Transparency Code)',
      'UK spend over £500 (Local Government Transparency Code)',
    ],
    [
      'fr-payments-csv',
      'Extraction de mandats (logiciel financier)',
      'French payment orders extract (finance software)',
    ],
    ['decp-flat-csv', 'DECP à plat (une ligne par titulaire)', 'DECP flattened CSV (one row per titulaire)'],
    [
      'decp-json-v2',
      'DECP JSON (format 2024, {"marches": {"marche": [...]}})',
      'DECP JSON (format 2024, {"marches": {"marche": [...]}})',
    ],
    ['mapping:sedit-2024', 'profil de correspondance « sedit-2024 »', 'mapping profile "sedit-2024"'],
    ['a-format-of-a-later-version', 'a-format-of-a-later-version', 'a-format-of-a-later-version'],
  ])('names %s in French and in English', (id, fr, en) => {
    expect(plain(formatName(id, 'fr'))).toBe(fr);
    expect(formatName(id, 'en')).toBe(en);
  });

  it('gives every known format a French name', () => {
    for (const format of KNOWN_FORMATS) expect(formatName(format.id, 'fr'), format.id).not.toBe(format.id);
  });

  it('says in French which format a header nearly matched, and which formats it tried', () => {
    const nearly = locateHeader([['Nom du tiers', 'Montant TTC', 'Objet']], KNOWN_FORMATS);
    expect(nearly.ok).toBe(false);
    if (!nearly.ok)
      expect(plain(localiseReason(nearly.reason, 'fr'))).toMatch(
        /^ligne 1 : ressemble à Extraction de mandats \(logiciel financier\) mais il manque/,
      );
    const profile = formatOfMappingProfile({
      version: 1,
      id: 'sedit',
      label: 'Export Sedit',
      kind: 'payments',
      currency: 'EUR',
      decimal: ',',
      dateFormat: 'dd/mm/yyyy',
      columns: { supplierName: 'Tiers', amount: 'Mt', date: 'Date' },
    });
    const none = locateHeader([['x', 'y']], [...KNOWN_FORMATS, profile]);
    if (!none.ok) {
      const french = plain(localiseReason(none.reason, 'fr'));
      expect(french).toContain('DECP à plat (une ligne par titulaire); ');
      expect(french).toContain('profil de correspondance « Export Sedit »)');
    } else expect.unreachable();
  });
});

describe('money, one formatter per language', () => {
  it('writes euros and pounds as each language writes them, with the currency’s own sign', () => {
    expect(plain(formatMoneyCents(123_450, 'EUR', 'fr', 'minor'))).toBe('1 234,50 €');
    expect(formatMoneyCents(123_450, 'EUR', 'en', 'minor')).toBe('€1,234.50');
    expect(plain(formatMoneyCents(123_450, 'GBP', 'fr', 'minor'))).toBe('1 234,50 £');
    expect(formatMoneyCents(123_450, 'GBP', 'en', 'minor')).toBe('£1,234.50');
    expect(plain(formatMoneyCents(6_200_750, 'EUR', 'fr', 'whole'))).toBe('62 008 €');
    expect(formatMoneyCents(-40, 'GBP', 'en', 'whole')).toBe('£0');
    expect(formatMoneyCents(900_719_925_474_099, 'EUR', 'en', 'minor')).toBe('€9,007,199,254,740.99');
  });

  it('never writes £GB', () => {
    for (const language of ['fr', 'en'] as const)
      for (const precision of ['minor', 'whole'] as const)
        expect(formatMoneyCents(5, 'GBP', language, precision)).not.toContain('GB');
  });
});
