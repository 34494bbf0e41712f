/**
 * `analyze` with a SIRENE extract: every supplier type, both locality views, then the persistent
 * workspace (`registry load`, `supplier set|show`, `analyze --state`) through the real CLI.
 * The expected figures are computed here from the built records, with a mapping of our own.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeResult, analyze } from '../../../shared/cli/analyze.ts';
import { type Report, ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { CONSORTIUM_UPLOADER } from '../../../shared/domain/territory/consortium.ts';
import {
  type EstablishmentRecord,
  gzip,
  stockEtablissementCsv,
  stockUniteLegaleCsv,
  syntheticSiren,
  syntheticSiret,
  type UnitRecord,
} from '../../fixtures/built/sirene.ts';
import { runCli } from '../../support/run-cli.ts';

const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!territory) throw new Error('the bundled territory grenoble-alpes-metropole is missing');

interface BuiltSupplier {
  readonly id: string;
  /** The name the payments file gives. */
  readonly payee: string;
  /** The SIRET the payments file gives (the establishment that delivers). */
  readonly siret: string;
  /** The postcode the payments file gives. */
  readonly postcode: string;
  readonly amounts: readonly string[];
  /** Absent: the registry does not know the supplier. */
  readonly unit?: UnitRecord;
  readonly establishments: readonly EstablishmentRecord[];
}

const siren = (n: number) => syntheticSiren(500 + n);
const headOfficeOf = (n: number, commune: string, extra: Partial<EstablishmentRecord> = {}) => ({
  siret: syntheticSiret(siren(n), 1),
  siege: true,
  codeCommune: commune,
  ...extra,
});

const SUPPLIERS: readonly BuiltSupplier[] = [
  {
    id: 'scop',
    payee: 'Alpes Charpente',
    siret: syntheticSiret(siren(1), 1),
    postcode: '38000',
    amounts: ['12 500,00', '3 480,25'],
    unit: {
      siren: siren(1),
      denomination: 'ALPES CHARPENTE',
      categorieJuridique: '5458',
      ess: 'O',
      categorieEntreprise: 'PME',
    },
    establishments: [headOfficeOf(1, '38185', { codePostal: '38000' })],
  },
  {
    id: 'scic',
    payee: 'Énergies Citoyennes Grenoble',
    siret: syntheticSiret(siren(2), 1),
    postcode: '38130',
    amounts: ['8 000,00'],
    unit: {
      siren: siren(2),
      denomination: 'SCIC ENERGIES CITOYENNES',
      categorieJuridique: '5710',
      ess: 'O',
      categorieEntreprise: 'PME',
    },
    establishments: [headOfficeOf(2, '38151', { codePostal: '38130' })],
  },
  {
    id: 'association',
    payee: 'Maison des habitants',
    siret: syntheticSiret(siren(3), 1),
    postcode: '38100',
    amounts: ['2 150,00', '1 075,50', '640,00'],
    unit: { siren: siren(3), denomination: 'MAISON DES HABITANTS', categorieJuridique: '9220', ess: 'O' },
    establishments: [headOfficeOf(3, '38185', { codePostal: '38100' })],
  },
  {
    id: 'commune',
    payee: 'Sassenage',
    siret: syntheticSiret(siren(4), 1),
    postcode: '38360',
    amounts: ['4 210,10'],
    unit: { siren: siren(4), denomination: 'COMMUNE DE SASSENAGE', categorieJuridique: '7210', ess: 'N' },
    establishments: [headOfficeOf(4, '38474', { codePostal: '38360' })],
  },
  {
    id: 'large',
    payee: 'Grands Travaux de France',
    siret: syntheticSiret(siren(5), 1),
    postcode: '75008',
    amounts: ['98 765,43', '10 000,00'],
    unit: {
      siren: siren(5),
      denomination: 'GRANDS TRAVAUX DE FRANCE',
      categorieJuridique: '5599',
      ess: 'N',
      categorieEntreprise: 'GE',
      trancheEffectifs: '53',
    },
    establishments: [headOfficeOf(5, '75108', { codePostal: '75008' })],
  },
  {
    // A Grenoble branch of a Lyon firm; the payments file prints the Lyon postcode.
    id: 'sme-branch',
    payee: 'Menuiserie des Alpes',
    siret: syntheticSiret(siren(6), 2),
    postcode: '69003',
    amounts: ['6 300,00', '1 200,80'],
    unit: {
      siren: siren(6),
      denomination: 'MENUISERIE DES ALPES',
      categorieJuridique: '5710',
      ess: 'N',
      categorieEntreprise: 'PME',
    },
    establishments: [
      headOfficeOf(6, '69383', { codePostal: '69003' }),
      { siret: syntheticSiret(siren(6), 2), siege: false, codeCommune: '38185', codePostal: '38000' },
    ],
  },
  {
    id: 'sole-trader',
    payee: 'M. Durand',
    siret: syntheticSiret(siren(7), 1),
    postcode: '38400',
    amounts: ['450,00', '390,00'],
    unit: {
      siren: siren(7),
      prenom1: 'Marie',
      nom: 'DURAND',
      categorieJuridique: '1000',
      categorieEntreprise: 'PME',
    },
    establishments: [headOfficeOf(7, '38421', { codePostal: '38400' })],
  },
  {
    id: 'mutual',
    payee: 'MNT',
    siret: syntheticSiret(siren(8), 1),
    postcode: '38000',
    amounts: ['15 000,00'],
    unit: { siren: siren(8), denomination: 'MUTUELLE DES TERRITOIRES', categorieJuridique: '8210', ess: 'O' },
    establishments: [headOfficeOf(8, '38185', { codePostal: '38000' })],
  },
  {
    id: 'closed',
    payee: 'Transports du Vercors',
    siret: syntheticSiret(siren(9), 1),
    postcode: '38250',
    amounts: ['7 777,77'],
    unit: {
      siren: siren(9),
      denomination: 'TRANSPORTS DU VERCORS',
      categorieJuridique: '5710',
      ess: 'N',
      categorieEntreprise: 'ETI',
    },
    establishments: [headOfficeOf(9, '38548', { codePostal: '38250', etat: 'F' })],
  },
  {
    id: 'unknown',
    payee: 'Atelier Dupont',
    siret: syntheticSiret(siren(10), 1),
    postcode: '38000',
    amounts: ['999,99', '100,01'],
    establishments: [],
  },
];

const byId = (id: string): BuiltSupplier => {
  const found = SUPPLIERS.find((supplier) => supplier.id === id);
  if (!found) throw new Error(id);
  return found;
};
const keyOf = (supplier: BuiltSupplier) => `siret:${supplier.siret}`;

/** "12 500,00" → 1250000, by plain string handling. */
function cents(amount: string): number {
  const [units = '0', fraction = ''] = amount.replace(/\s/g, '').split(',');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'));
}
const spend = (supplier: BuiltSupplier) => supplier.amounts.reduce((total, a) => total + cents(a), 0);
const toCents = (units: number) => Math.round(units * 100);

/** Our own reading of DESIGN §6 for the records built above. */
function expectedType(supplier: BuiltSupplier): { type: string; detail?: string } {
  const unit = supplier.unit;
  if (!unit) return { type: 'unknown' };
  const cj = unit.categorieJuridique;
  const name = unit.denomination ?? '';
  if (['5458', '5558', '5658'].includes(cj)) return { type: 'cooperative', detail: 'scop' };
  if (unit.ess === 'O' && cj.startsWith('57') && /\bSCIC\b/.test(name))
    return { type: 'cooperative', detail: 'scic' };
  if (cj.startsWith('92')) return { type: 'association' };
  if (cj.startsWith('7') || cj.startsWith('4')) return { type: 'public' };
  if (cj === '1000') return { type: 'sole-trader' };
  if (cj.startsWith('82')) return { type: 'mutual' };
  const size = unit.categorieEntreprise;
  return { type: size === 'PME' ? 'sme' : size === 'ETI' ? 'mid-size' : size === 'GE' ? 'large' : 'company' };
}

function expectedCentsByType(override?: { id: string; type: string }): Map<string, number> {
  const totals = new Map<string, number>();
  for (const supplier of SUPPLIERS) {
    const type = override?.id === supplier.id ? override.type : expectedType(supplier).type;
    totals.set(type, (totals.get(type) ?? 0) + spend(supplier));
  }
  return totals;
}

const actualCentsByType = (report: Report) =>
  new Map(
    report.bySupplierType.filter((entry) => entry.amount !== 0).map((e) => [e.type, toCents(e.amount)]),
  );

function writeInputs(dir: string) {
  const units = SUPPLIERS.flatMap((supplier) => (supplier.unit ? [supplier.unit] : []));
  const establishments = SUPPLIERS.flatMap((supplier) => supplier.establishments);
  const ul = join(dir, 'StockUniteLegale_extrait.csv');
  const et = join(dir, 'StockEtablissement_extrait.csv.gz');
  writeFileSync(ul, stockUniteLegaleCsv(units, { extraColumnAt: 5 }));
  writeFileSync(et, gzip(stockEtablissementCsv(establishments, { extraColumnAt: 54 })));
  const lines = SUPPLIERS.flatMap((supplier) =>
    supplier.amounts.map(
      (amount, i) =>
        `${supplier.payee};${supplier.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4')};${supplier.postcode};${amount};${String(10 + i).padStart(2, '0')}/03/2025`,
    ),
  );
  const payments = join(dir, 'mandats-2025.csv');
  writeFileSync(payments, `\uFEFFFournisseur;SIRET;Code postal;Montant;Date\r\n${lines.join('\r\n')}\r\n`);
  return { ul, et, payments, units: units.length, establishments: establishments.length };
}

const dir = mkdtempSync(join(tmpdir(), 'ancrage-registry-e2e-'));
const inputs = writeInputs(dir);
const totalCents = SUPPLIERS.reduce((total, supplier) => total + spend(supplier), 0);
const registryCents = SUPPLIERS.filter((s) => s.unit).reduce((total, s) => total + spend(s), 0);

describe('analyze with a SIRENE extract (in-process)', () => {
  let result: AnalyzeResult;

  beforeAll(async () => {
    result = await analyze({
      files: [inputs.payments],
      outDir: join(dir, 'out-in-process'),
      territory,
      customTerritory: false,
      kind: 'payments',
      anchorId: CONSORTIUM_UPLOADER,
      language: 'fr',
      mapping: undefined,
      registries: [inputs.ul, inputs.et],
    });
  });

  it('loads both registry files, every row', () => {
    expect(
      result.facts.map(({ name, rows, facts, rejectedRows }) => ({ name, rows, facts, rejectedRows })),
    ).toEqual([
      { name: 'StockUniteLegale_extrait.csv', rows: inputs.units, facts: inputs.units, rejectedRows: 0 },
      {
        name: 'StockEtablissement_extrait.csv.gz',
        rows: inputs.establishments,
        facts: inputs.establishments,
        rejectedRows: 0,
      },
    ]);
    expect(toCents(result.report.totals.gross)).toBe(totalCents);
    expect(result.report.totals.rejectedLines).toBe(0);
  });

  it('gives bySupplierType amounts equal to an independent typing of the built records', () => {
    const report = ReportSchema.parse(result.report);
    expect(actualCentsByType(report)).toEqual(expectedCentsByType());
    const sumOfTypes = report.bySupplierType.reduce((total, entry) => total + toCents(entry.amount), 0);
    expect(sumOfTypes).toBe(toCents(report.totals.influenceable));
    for (const entry of report.bySupplierType) {
      const suppliers = SUPPLIERS.filter((supplier) => expectedType(supplier).type === entry.type).length;
      expect(entry.suppliers, entry.type).toBe(suppliers);
    }
  });

  it('lists the SCOP and the SCIC among the cooperatives, with their detail', () => {
    const cooperatives = result.report.cooperatives.map(({ key, detail }) => ({ key, detail }));
    expect(cooperatives.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [
        { key: keyOf(byId('scop')), detail: 'scop' },
        { key: keyOf(byId('scic')), detail: 'scic' },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const scop = result.report.cooperatives.find((entry) => entry.key === keyOf(byId('scop')));
    expect(toCents(scop?.amount ?? 0)).toBe(spend(byId('scop')));
    expect(scop?.name).toBe('ALPES CHARPENTE');
  });

  it('lists only the supplier the registry does not know as unmatched', () => {
    expect(result.report.unmatchedSuppliers.map((entry) => entry.key)).toEqual([keyOf(byId('unknown'))]);
    expect(toCents(result.report.unmatchedSuppliers[0]?.amount ?? 0)).toBe(spend(byId('unknown')));
  });

  it('says the typed spend was typed from the registry, the rest from nothing', () => {
    const bySource = new Map(
      result.report.coverage.supplierType.bySource.map((entry) => [entry.source, toCents(entry.amount)]),
    );
    expect(bySource).toEqual(
      new Map([
        ['registry', registryCents],
        ['none', totalCents - registryCents],
      ]),
    );
    expect(result.report.coverage.supplierType.knownShare).toBeCloseTo(registryCents / totalCents, 3);
  });

  it('places a branch by its establishment commune, and the firm by its head office (siège)', () => {
    const branch = result.report.topSuppliers.find((entry) => entry.key === keyOf(byId('sme-branch')));
    // Establishment 38185 (Grenoble) although the file says 69003; head office 69383 (Lyon 3e).
    expect(branch).toMatchObject({ ring: 'commune', headOfficeRing: 'region', type: 'sme' });
    const locality = result.report.coverage.locality;
    const sources = (list: readonly { source: string; amount: number }[]) =>
      new Map(list.map((entry) => [entry.source, toCents(entry.amount)]));
    expect(sources(locality.bySource).get('registry')).toBe(registryCents);
    expect(sources(locality.headOffice.bySource).get('registry')).toBe(registryCents);
    const paris = result.report.topSuppliers.find((entry) => entry.key === keyOf(byId('large')));
    expect(paris).toMatchObject({ ring: 'france', headOfficeRing: 'france', type: 'large' });
  });
});

describe('the persistent workspace through the CLI (--state)', () => {
  const state = join(dir, 'state');
  const out = join(dir, 'out-cli');
  const corrected = byId('sme-branch');
  const reason = 'SCOP depuis mars 2025 (statuts reçus)';

  it('registry load, supplier set and show, then analyze reflects the correction without reloading', async () => {
    const load = await runCli(['registry', 'load', inputs.ul, inputs.et, '--state', state]);
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
    expect(load.stdout).toContain(`StockUniteLegale_extrait.csv (SIRENE stock file): ${inputs.units} rows`);
    expect(load.stdout).toContain(`${inputs.establishments} facts stored, 0 rejected`);

    const [set, noState] = await Promise.all([
      runCli([
        'supplier',
        'set',
        keyOf(corrected),
        '--type',
        'cooperative',
        '--reason',
        reason,
        '--by',
        'a.martin',
        '--state',
        state,
      ]),
      runCli(['supplier', 'set', keyOf(corrected), '--type', 'cooperative', '--reason', reason]),
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`corrected ${keyOf(corrected)} (change 1)`);
    expect(noState.code).toBe(2);
    expect(noState.stderr).toContain('needs --state');

    const show = await runCli(['supplier', 'show', keyOf(corrected), '--state', state]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/supplierType: "cooperative" \(override, \d{4}-\d{2}-\d{2}\)/);
    expect(show.stdout).toContain('legalCategory: "5710" (registry');
    expect(show.stdout).toContain('"communeCode":"38185"');
    expect(show.stdout).toContain(`by a.martin: {"supplierType":"cooperative"} (was {}) — ${reason}`);

    const run = await runCli(['analyze', inputs.payments, '--state', state, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(actualCentsByType(report)).toEqual(expectedCentsByType({ id: corrected.id, type: 'cooperative' }));
    expect(report.cooperatives.map((entry) => entry.key)).toContain(keyOf(corrected));
    const bySource = new Map(report.coverage.supplierType.bySource.map((e) => [e.source, toCents(e.amount)]));
    expect(bySource.get('override')).toBe(spend(corrected));
    expect(bySource.get('registry')).toBe(registryCents - spend(corrected));
    // Still located by the registry: the correction changed the type only.
    expect(report.topSuppliers.find((entry) => entry.key === keyOf(corrected))).toMatchObject({
      ring: 'commune',
      headOfficeRing: 'region',
      type: 'cooperative',
    });
  });
});
