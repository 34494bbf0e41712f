import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { RunError, UsageError } from './cli-error.ts';
import { showIngestProgress } from './progress-line.ts';
import { withState } from './with-state.ts';

/** `ancrage registry load <file>... [--directory-of <anchor>] --state <dir>` */
export async function registryCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub !== 'load') throw new UsageError('registry takes "load" (see ancrage --help)');
  const { values, positionals } = parseArgs({
    args: rest,
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
