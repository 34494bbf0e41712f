import { parseArgs } from 'node:util';
import { UnreadableFileError } from '../ports/file-reader.ts';
import { analyze } from './analyze.ts';
import { parseAnalyzeArgs } from './analyze-args.ts';
import { RunError, UsageError } from './cli-error.ts';
import { demo } from './demo.ts';
import { HELP, usageOf } from './help.ts';
import { inspect } from './inspect.ts';
import { linesCommand } from './lines-command.ts';
import { migrateLinesCommand } from './migrate-lines-command.ts';
import { registryCommand } from './registry-command.ts';
import { restoreTableCommand } from './restore-table-command.ts';
import { serve } from './serve.ts';
import { summarise } from './summary.ts';
import { supplierCommand } from './supplier-command.ts';
import { territoryCommand } from './territory-command.ts';
import { usersCommand } from './users-command.ts';

async function run(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return;
    case 'analyze': {
      if (rest.includes('--help')) return void process.stdout.write(HELP);
      const result = await analyze(parseAnalyzeArgs(rest));
      process.stdout.write(summarise(result));
      return;
    }
    case 'inspect':
      process.stdout.write(await inspect(rest));
      return;
    case 'registry':
      process.stdout.write(await registryCommand(rest));
      return;
    case 'supplier':
      process.stdout.write(await supplierCommand(rest));
      return;
    case 'lines':
      process.stdout.write(await linesCommand(rest));
      return;
    case 'territory':
      process.stdout.write(territoryCommand(rest));
      return;
    case 'migrate-lines':
      process.stdout.write(await migrateLinesCommand(rest));
      return;
    case 'users':
      process.stdout.write(await usersCommand(rest));
      return;
    case 'restore-table':
      process.stdout.write(await restoreTableCommand(rest));
      return;
    case 'serve':
      return serve(rest);
    case 'demo': {
      // `npm start -- serve`: npm start runs `demo`, so `demo serve` is the portal on the samples.
      if (rest[0] === 'serve') return serve(rest.slice(1));
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string', default: 'out' } } });
      const results = await demo(values.out);
      process.stdout.write(results.map(summarise).join('\n'));
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}" (see ancrage --help)`);
  }
}

/** Node's `parseArgs` errors: an unknown option, a value missing or given where none is taken. */
const isArgumentError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');

// Quiet the SDK's notice that Node 20 support is ending; Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

try {
  await run(process.argv.slice(2));
} catch (error) {
  // `inspect` reads a file itself: one past a limit (docs/security.md) is refused in one line too.
  if (isArgumentError(error)) {
    // An unknown or malformed option, as Node's argument parser reports it: one line, the usage, 2.
    const command = process.argv[2] ?? '';
    const usage = usageOf(command);
    process.stderr.write(`ancrage ${command}: ${error.message}\n${usage ? `usage:\n${usage}\n` : ''}`);
    process.exitCode = 2;
  } else if (
    error instanceof UsageError ||
    error instanceof RunError ||
    error instanceof UnreadableFileError
  ) {
    process.stderr.write(`ancrage: ${error.message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else {
    throw error;
  }
}
