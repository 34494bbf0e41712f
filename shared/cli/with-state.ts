import { startEmbeddedStack } from '../local/embedded-stack.ts';
import { LocalPipeline } from '../local/local-pipeline.ts';
import { UsageError } from './cli-error.ts';

/**
 * Runs a command against the persistent local stack in a state folder: what `registry load` and
 * `supplier set` write there, a later `analyze --state` reads.
 */
export async function withState<T>(
  stateDirectory: string | undefined,
  command: string,
  run: (pipeline: LocalPipeline) => Promise<T>,
): Promise<T> {
  if (!stateDirectory) {
    throw new UsageError(
      `${command} needs --state <dir>: the folder that keeps registry facts and corrections between runs`,
    );
  }
  const stack = await startEmbeddedStack({ stateDirectory });
  const pipeline = new LocalPipeline(stack);
  try {
    return await run(pipeline);
  } finally {
    pipeline.close();
    await stack.stop();
  }
}
