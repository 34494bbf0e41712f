/**
 * One measured stage in a fresh process, so that no stage inherits another's heap or JIT state, and
 * peak RSS is the stage's own. run.ts bundles this file with esbuild (as Lambda runs bundled code)
 * and starts it with `node [--max-old-space-size=…] [--cpu-prof] stages.mjs <stage> <json args>`.
 * Prints one JSON object: the stage's figures plus its CPU time and the process's peak RSS.
 */
import { measureIngestCore } from './measure-core.ts';
import { measureDecode } from './measure-decode.ts';
import { measurePapaparse, type PapaparseMode } from './measure-papaparse.ts';
import { measurePapaparseRollup } from './measure-papaparse-rollup.ts';
import { measureRegistryLoad } from './measure-registry.ts';
import { measureRegistryFetch } from './measure-registry-fetch.ts';

interface StageArgs {
  readonly path?: string;
  readonly encoding?: string;
  readonly mode?: PapaparseMode;
  /** The stock folder `registry-fetch` reads, and the JSON file of the suppliers the dataset names. */
  readonly base?: string;
  readonly suppliers?: string;
}

async function runStage(stage: string, args: StageArgs): Promise<object> {
  const path = args.path ?? '';
  switch (stage) {
    case 'baseline':
      return {};
    case 'papaparse':
      return measurePapaparse(path, args.encoding ?? 'utf-8', args.mode ?? 'chunk');
    case 'papaparse-rollup':
      return measurePapaparseRollup(path, args.encoding ?? 'utf-8');
    case 'core':
      return measureIngestCore(path);
    case 'decode':
      return measureDecode(path);
    case 'registry':
      return measureRegistryLoad(path);
    case 'registry-fetch':
      return measureRegistryFetch(args.base ?? '', args.suppliers ?? '');
    default:
      throw new Error(`unknown stage "${stage}"`);
  }
}

const [stage = '', json = '{}'] = process.argv.slice(2);
const args = JSON.parse(json) as StageArgs;
// CPU time as well as wall time: on a shared machine a busy neighbour stretches the wall clock, far
// less the CPU time the stage itself used (all threads: the parser, GC helpers, fs reads).
const cpuBefore = process.cpuUsage();
const result = await runStage(stage, args);
const cpu = process.cpuUsage(cpuBefore);
const { maxRSS } = process.resourceUsage();
console.log(JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: maxRSS / 1024 }));
