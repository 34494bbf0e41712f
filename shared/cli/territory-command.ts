import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadFrenchGeography } from '../adapters/geography-files.ts';
import type { Result } from '../domain/result.ts';
import { BUNDLED_TERRITORIES } from '../domain/territory/bundled-territories.ts';
import { type Territory, TerritorySchema } from '../domain/territory/territory.ts';
import {
  territoryForCommune,
  territoryForDepartement,
  territoryForEpci,
} from '../domain/territory/territory-from-geography.ts';
import { RunError, UsageError } from './cli-error.ts';

const SHOWN_COMMUNES = 60;

function init(argv: readonly string[]): string {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      epci: { type: 'string' },
      commune: { type: 'string' },
      departement: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const given = [values.epci, values.commune, values.departement].filter((value) => value !== undefined);
  if (given.length !== 1)
    throw new UsageError('territory init needs exactly one of --epci, --commune, --departement');
  const geography = loadFrenchGeography();
  let built: Result<Territory>;
  if (values.epci) built = territoryForEpci(values.epci, geography);
  else if (values.commune) built = territoryForCommune(values.commune, geography);
  else built = territoryForDepartement(values.departement ?? '', geography);
  if (!built.ok) throw new RunError(built.reason);
  const territory = TerritorySchema.parse(built.value);
  const out = values.out ?? `${territory.id}.json`;
  writeFileSync(out, `${JSON.stringify(territory, null, 2)}\n`);
  return `wrote ${out}: ${territory.name}, rings ${territory.rings.map((ring) => ring.id).join(' ⊂ ')}, local ring "${territory.localRing}"\nEdit its anchors and targets, then: ancrage analyze <files> --territory ${out}\n`;
}

function loadTerritory(idOrPath: string): Territory {
  const bundled = BUNDLED_TERRITORIES.get(idOrPath);
  if (bundled) return bundled;
  if (!existsSync(idOrPath)) throw new UsageError(`"${idOrPath}" is neither a bundled territory nor a file`);
  const parsed = TerritorySchema.safeParse(JSON.parse(readFileSync(idOrPath, 'utf8')));
  if (!parsed.success)
    throw new UsageError(`${idOrPath} is not a valid territory: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function show(argv: readonly string[]): string {
  // No option of its own: the parser refuses one, as every command does (exit 2, with the usage).
  const [idOrPath] = parseArgs({ args: [...argv], options: {}, allowPositionals: true }).positionals;
  if (!idOrPath) throw new UsageError('territory show needs a territory id or file');
  const territory = loadTerritory(idOrPath);
  const geography = loadFrenchGeography();
  const out = [
    `${territory.name} (${territory.id}) — ${territory.country}, ${territory.currency}, report language ${territory.language}`,
    `local ring: ${territory.localRing}`,
    'rings, most local first:',
  ];
  for (const ring of territory.rings) {
    const places: string[] = [];
    if (ring.communes) {
      const names = ring.communes.map((code) => `${geography.communeName(code) ?? '?'} (${code})`);
      places.push(
        `${ring.communes.length} communes: ${names.slice(0, SHOWN_COMMUNES).join(', ')}${names.length > SHOWN_COMMUNES ? ', …' : ''}`,
      );
    }
    if (ring.departements)
      places.push(
        `départements ${ring.departements.map((code) => `${geography.departementName(code) ?? '?'} (${code})`).join(', ')}`,
      );
    if (ring.regions)
      places.push(
        `régions ${ring.regions.map((code) => `${geography.regionName(code) ?? '?'} (${code})`).join(', ')}`,
      );
    if (ring.countries) places.push(`countries ${ring.countries.join(', ')}`);
    if (ring.postcodeDistricts) places.push(`postcode districts ${ring.postcodeDistricts.join(', ')}`);
    if (ring.postcodeAreas) places.push(`postcode areas ${ring.postcodeAreas.join(', ')}`);
    if (ring.localAuthorities) places.push(`local authorities ${ring.localAuthorities.join(', ')}`);
    out.push(`  ${ring.id} — ${ring.label[territory.language]}: ${places.join('; ')}`);
  }
  out.push('  then: abroad, unknown');
  out.push(
    `anchors: ${territory.anchors.map((anchor) => `${anchor.name} (${anchor.id})`).join(', ') || 'none'}`,
  );
  for (const target of territory.targets) {
    out.push(
      `${target.status === 'illustrative' ? 'illustrative target' : 'adopted target'}: ${target.label[territory.language]} — ${Math.round(target.value * 100)} % by ${target.year}`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function territoryCommand(argv: readonly string[]): string {
  const [sub, ...rest] = argv;
  if (sub === 'init') return init(rest);
  if (sub === 'show') return show(rest);
  throw new UsageError('territory takes "init" or "show" (see ancrage --help)');
}
