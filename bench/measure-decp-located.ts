import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import {
  type EstablishmentRecord,
  establishmentTable,
  stockUniteLegaleCsv,
  toSireneCsv,
  type UnitRecord,
} from '../tests/fixtures/built/sirene.ts';
import { projectRoot } from './bench-paths.ts';
import { FILLER_PLACES } from './generate-registry.ts';
import { luhnCheckDigit } from './synthetic-ids.ts';

/** Real DECP contracts (Isère, 2019), one row per contract × titulaire. */
export const DECP_SAMPLE = 'data/samples/decp-isere-2019-flattened.csv';

export interface DecpLocatedMeasure {
  readonly contracts: number;
  /** Located share of the spend (`headline.knownLocalityShare`) before and after the fetch. */
  readonly before: number;
  readonly after: number;
  /** Share of the spend whose titulaire carries a valid SIRET, read here from the CSV: the most a stock can locate. */
  readonly ceiling: number;
  readonly validSirets: number;
  readonly spend: number;
  /** The spend the report counts (`totals.influenceable`): `spend` read another way. */
  readonly reportedSpend: number;
  readonly ms: number;
}

interface DecpRow {
  readonly uid: string;
  readonly montant: string;
  readonly titulaire_id: string;
}

/** A SIRET as written on the row, spaces removed and the leading zero a spreadsheet drops put back; else undefined. */
function validSiret(written: string): string | undefined {
  const digits = written.replace(/\s/g, '');
  const siret = /^\d{13}$/.test(digits) ? `0${digits}` : digits;
  if (!/^\d{14}$/.test(siret) || /^0+$/.test(siret)) return undefined;
  return luhnCheckDigit(siret.slice(0, 13)) === siret.at(13) ? siret : undefined;
}

/**
 * The spend of each SIRET, from the CSV alone: a contract's amount (written on each of its rows) split
 * evenly between its titulaires, as DECP's flattened export means it.
 */
function spendBySiret(path: string) {
  const { data } = Papa.parse<DecpRow>(readFileSync(path, 'utf-8'), { header: true, skipEmptyLines: true });
  const rowsOfContract = new Map<string, number>();
  for (const row of data) rowsOfContract.set(row.uid, (rowsOfContract.get(row.uid) ?? 0) + 1);
  let spend = 0;
  const bySiret = new Map<string, number>();
  for (const row of data) {
    const share = Number(row.montant) / (rowsOfContract.get(row.uid) ?? 1);
    spend += share;
    const siret = validSiret(row.titulaire_id);
    if (siret) bySiret.set(siret, (bySiret.get(siret) ?? 0) + share);
  }
  return { contracts: rowsOfContract.size, spend, bySiret };
}

/** Made-up places for the sample's suppliers, the first four in the Isère (the bench's filler places). */
const PLACES = FILLER_PLACES.slice(0, 8);

/** A SYNTHETIC stock naming every SIRET: made-up communes in the Isère and elsewhere, one unit per SIREN. */
function writeSyntheticStock(folder: string, sirets: readonly string[]): void {
  mkdirSync(folder, { recursive: true });
  const sirens = new Set<string>();
  const establishments: EstablishmentRecord[] = sirets.map((siret, index) => {
    const [codeCommune, codePostal, libelleCommune] = PLACES[index % PLACES.length] ?? [];
    const siren = siret.slice(0, 9);
    const siege = !sirens.has(siren);
    sirens.add(siren);
    return { siret, siege, codeCommune, codePostal, libelleCommune, activite: '43.21A' };
  });
  const units: UnitRecord[] = [...sirens].map((siren, index) => ({
    siren,
    categorieJuridique: '5710',
    denomination: `TITULAIRE SYNTHETIQUE ${index + 1}`,
  }));
  writeFileSync(join(folder, 'StockEtablissement_utf8.csv'), toSireneCsv(establishmentTable(establishments)));
  writeFileSync(join(folder, 'StockUniteLegale_utf8.csv'), stockUniteLegaleCsv(units));
}

const execFileAsync = promisify(execFile);

async function ancrage(args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [join(projectRoot, 'bin/ancrage.js'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, COMPANY_LOOKUP: 'off' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function headlineOf(out: string): { knownLocalityShare: number; influenceable: number } {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf-8')) as {
    headline: { knownLocalityShare: number };
    totals: { influenceable: number };
  };
  return {
    knownLocalityShare: report.headline.knownLocalityShare,
    influenceable: report.totals.influenceable,
  };
}

/**
 * The "share of DECP spend located after a fetch": `ancrage analyze` over the DECP sample in a
 * fresh state folder, `ancrage registry fetch` from a SYNTHETIC stock holding the sample's suppliers,
 * `ancrage analyze` again; the located share before and after, and the ceiling read from the CSV.
 */
export async function measureDecpLocated(): Promise<DecpLocatedMeasure> {
  const started = performance.now();
  const sample = join(projectRoot, DECP_SAMPLE);
  const { contracts, spend, bySiret } = spendBySiret(sample);
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-bench-decp-'));
  try {
    const state = join(dir, 'state');
    await ancrage(['analyze', sample, '--state', state, '--out', join(dir, 'before')]);
    const before = headlineOf(join(dir, 'before'));
    const stock = join(dir, 'sirene');
    writeSyntheticStock(stock, [...bySiret.keys()]);
    await ancrage(['registry', 'fetch', '--from', stock, '--state', state]);
    await ancrage(['analyze', sample, '--state', state, '--out', join(dir, 'after')]);
    const after = headlineOf(join(dir, 'after'));
    const located = [...bySiret.values()].reduce((sum, amount) => sum + amount, 0);
    return {
      contracts,
      before: before.knownLocalityShare,
      after: after.knownLocalityShare,
      ceiling: located / spend,
      validSirets: bySiret.size,
      spend,
      reportedSpend: after.influenceable,
      ms: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
