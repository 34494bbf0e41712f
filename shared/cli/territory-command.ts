import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadFrenchGeography } from '../adapters/geography-files.ts';
import type { Result } from '../domain/result.ts';
import { BUNDLED_TERRITORIES } from '../domain/territory/bundled-territories.ts';
import { ringsNotNested } from '../domain/territory/ring-nesting.ts';
import { type Territory, TerritoryIdSchema, TerritorySchema } from '../domain/territory/territory.ts';
import {
  type GeneratedTerritory,
  territoryForCommune,
  territoryForDepartement,
  territoryForEpci,
} from '../domain/territory/territory-from-geography.ts';
import { UsageError } from './cli-error.ts';

const SHOWN_COMMUNES = 60;

/** Writes the file only if none is there: a file already written, or edited, is never replaced unseen. */
function writeNew(out: string, text: string): void {
  try {
    writeFileSync(out, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(`${out} already exists: pass --out <another file>, or remove it first`);
    if (code === 'ENOENT') throw new UsageError(`cannot write ${out}: its folder does not exist`);
    throw error;
  }
}

/** The id the file gets: `--id`, else the place's; never a bundled territory's, which it would replace. */
function chosenId(generatedId: string, given: string | undefined): string {
  const id = given ?? generatedId;
  if (!TerritoryIdSchema.safeParse(id).success)
    throw new UsageError(
      `--id "${id}": a territory id is lower-case letters, digits and "-", such as "lyon-metropole"`,
    );
  if (BUNDLED_TERRITORIES.has(id))
    throw new UsageError(
      `"${id}" is the id of a bundled territory, with its own rings and targets, which a file of that id replaces wherever it is loaded: pass --id <another id>`,
    );
  return id;
}

function init(argv: readonly string[]): string {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      epci: { type: 'string' },
      commune: { type: 'string' },
      departement: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const given = [values.epci, values.commune, values.departement].filter((value) => value !== undefined);
  if (given.length !== 1)
    throw new UsageError('territory init needs exactly one of --epci, --commune, --departement');
  const geography = loadFrenchGeography();
  let built: Result<GeneratedTerritory>;
  if (values.epci !== undefined) built = territoryForEpci(values.epci, geography);
  else if (values.commune !== undefined) built = territoryForCommune(values.commune, geography);
  else built = territoryForDepartement(values.departement ?? '', geography);
  // A code of no place of its kind is a wrong argument, like any other.
  if (!built.ok) throw new UsageError(built.reason);
  const id = chosenId(built.value.territory.id, values.id);
  const territory = TerritorySchema.parse({ ...built.value.territory, id });
  const out = values.out ?? `${territory.id}.json`;
  writeNew(out, `${JSON.stringify(territory, null, 2)}\n`);
  return [
    `wrote ${out}: ${territory.name} (id ${territory.id}), rings ${territory.rings.map((ring) => ring.id).join(' ⊂ ')}, local ring "${territory.localRing}"`,
    ...built.value.notes.map((note) => `note: ${note}`),
    `Edit its anchors and targets, then: ancrage analyze <files> --territory ${out}`,
    '',
  ].join('\n');
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
  // A file written by hand, or by an earlier init, may have rings that leave places out.
  const notNested = territory.country === 'FR' ? ringsNotNested(territory, geography) : undefined;
  if (notNested)
    out.push(
      `warning: the rings do not nest, ${notNested}: its suppliers would be reported further away than they are; write the file again with ancrage territory init`,
    );
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
