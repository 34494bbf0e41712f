import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type DatasetKind, DatasetKindSchema } from '../domain/dataset-kind.ts';
import type { MappingProfile } from '../domain/formats/mapping-profile.ts';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../domain/territory/bundled-territories.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import { type Territory, TerritorySchema } from '../domain/territory/territory.ts';
import { UsageError } from './cli-error.ts';
import { loadMappingProfile } from './load-mapping-profile.ts';

export interface AnalyzeArgs {
  readonly files: readonly string[];
  readonly outDir: string;
  readonly territory: Territory;
  /** True when the territory came from a file and must be given to the stack. */
  readonly customTerritory: boolean;
  readonly kind: DatasetKind | undefined;
  readonly anchorId: string;
  readonly language: 'fr' | 'en' | undefined;
  readonly mapping: MappingProfile | undefined;
  /** SIRENE stock files (whole or extracts, plain or gzipped), loaded before the report. */
  readonly registries?: readonly string[] | undefined;
  /** The anchor's supplier directories (name → identifier, postcode, type). */
  readonly directories?: readonly string[] | undefined;
  /** A folder keeping the local stack between runs (datasets, registry facts, corrections). */
  readonly stateDirectory?: string | undefined;
}

function loadTerritory(value: string): { territory: Territory; custom: boolean } {
  const bundled = BUNDLED_TERRITORIES.get(value);
  if (bundled) return { territory: bundled, custom: false };
  if (!existsSync(value)) {
    const known = [...BUNDLED_TERRITORIES.keys()].join(', ');
    throw new UsageError(`--territory: "${value}" is neither a bundled territory (${known}) nor a file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(value, 'utf8'));
  } catch (error) {
    throw new UsageError(`--territory: ${value} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = TerritorySchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new UsageError(
      `--territory: ${value} is not a valid territory: ${problem?.path.join('.')} ${problem?.message}`,
    );
  }
  return { territory: parsed.data, custom: true };
}

function existingFiles(option: string, files: readonly string[]): string[] {
  for (const file of files) if (!existsSync(file)) throw new UsageError(`${option}: file not found: ${file}`);
  return [...files];
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  // An unknown or malformed option throws the parser's own error: the CLI answers it with the usage.
  const { values, positionals } = parse(argv);
  if (positionals.length === 0) throw new UsageError('analyze needs at least one file (see ancrage --help)');
  if (!values.out) throw new UsageError('analyze needs --out <dir>, the folder the report is written to');
  for (const file of positionals) {
    if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  }
  const kind = values.kind === undefined ? undefined : DatasetKindSchema.safeParse(values.kind);
  if (kind && !kind.success)
    throw new UsageError(`--kind must be payments or contracts, not "${values.kind}"`);
  if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
    throw new UsageError(`--lang must be fr or en, not "${values.lang}"`);
  }
  if (values.anchor !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(values.anchor)) {
    throw new UsageError('--anchor must be an identifier such as a SIRET: letters, digits, "." "_" "-"');
  }
  const { territory, custom } = loadTerritory(values.territory ?? DEFAULT_TERRITORY_ID);
  return {
    files: positionals,
    outDir: values.out,
    territory,
    customTerritory: custom,
    kind: kind?.data,
    anchorId: values.anchor ?? CONSORTIUM_UPLOADER,
    language: values.lang,
    mapping: values.mapping === undefined ? undefined : loadMappingProfile(values.mapping),
    registries: existingFiles('--registry', values.registry ?? []),
    directories: existingFiles('--directory', values.directory ?? []),
    stateDirectory: values.state,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      territory: { type: 'string' },
      kind: { type: 'string' },
      anchor: { type: 'string' },
      lang: { type: 'string' },
      mapping: { type: 'string' },
      registry: { type: 'string', multiple: true },
      directory: { type: 'string', multiple: true },
      state: { type: 'string' },
    },
  });
}
