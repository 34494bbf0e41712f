import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RegistryStatus } from '../domain/registry/registry-status.ts';
import { RunError, UsageError } from './cli-error.ts';
import { showIngestProgress } from './progress-line.ts';
import { withState } from './with-state.ts';

/**
 * `ancrage registry load <file>... [--directory-of <anchor>] --state <dir>`
 * `ancrage registry fetch --from <base URL or folder> --state <dir> [--force]`
 */
export function registryCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === 'load') return load(rest);
  if (sub === 'fetch') return fetchStock(rest);
  throw new UsageError('registry takes "load" or "fetch" (see ancrage --help)');
}

async function load(args: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { state: { type: 'string' }, 'directory-of': { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('registry load needs at least one file');
  for (const file of positionals) if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  return withState(values.state, 'registry load', async (pipeline) => {
    const lines: string[] = [];
    for (const file of positionals) {
      const stop = showIngestProgress(basename(file));
      const [outcome] = await pipeline.loadFacts(file, values['directory-of']).finally(stop);
      if (!outcome?.loaded)
        throw new RunError(`${basename(file)} could not be loaded: ${outcome?.reason ?? 'no outcome'}`);
      lines.push(
        `${basename(file)} (${outcome.file}): ${outcome.rows} rows, ${outcome.facts} facts stored, ${outcome.rejectedRows} rejected`,
      );
    }
    return `${lines.join('\n')}\n`;
  });
}

async function fetchStock(args: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...args],
    options: { from: { type: 'string' }, state: { type: 'string' }, force: { type: 'boolean' } },
  });
  if (!values.from) throw new UsageError('registry fetch needs --from <base URL or folder>');
  const base = /^https?:\/\//.test(values.from) ? values.from : resolve(values.from);
  if (!/^https?:\/\//.test(base) && !existsSync(base))
    throw new UsageError(`folder not found: ${values.from}`);
  return withState(values.state, 'registry fetch', async (pipeline) => {
    const outcome = await pipeline.refreshRegistry({ base, ...(values.force ? { force: true } : {}) });
    switch (outcome.status) {
      case 'failed':
        throw new RunError(`the register could not be refreshed: ${outcome.reason}`);
      case 'paused':
        throw new RunError(`the refresh stopped in ${outcome.file} after ${outcome.rows} rows`);
      case 'up-to-date':
        return `${describe(outcome.registry)}\nalready up to date (the same files as on ${outcome.registry.completedAt.slice(0, 10)}; --force reads them again)\n`;
      case 'refreshed':
        return `${describe(outcome.registry)}\n`;
    }
  });
}

function describe(registry: RegistryStatus): string {
  const files = registry.files.map(
    (file) =>
      `${file.name}${file.publishedAt ? ` (published ${file.publishedAt.slice(0, 10)})` : ''}: ${file.rows} rows read, ${file.facts} facts kept`,
  );
  return [
    ...files,
    `suppliers named in the datasets: ${registry.wanted.sirets} SIRET, ${registry.wanted.sirens} SIREN; local establishments counted in ${registry.communesCounted} communes`,
  ].join('\n');
}
