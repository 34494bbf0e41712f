import middy from '@middy/core';
import { logInfo } from '../../shared/runtime/log.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { registryDependencies } from '../../shared/runtime/registry-dependencies.ts';
import { locationsOf, S3EventSchema, S3TestEventSchema } from '../../shared/runtime/s3-event.ts';
import { type FactsOutcome, loadDirectory, loadRegistry } from '../../shared/use-cases/load-facts.ts';

/** `directories/<anchorId>/<file>` in the reference bucket: an anchor's supplier directory. */
const DIRECTORY_KEY = /^directories\/([^/]+)\/.+/;

/**
 * Loads a file dropped in the reference bucket as supplier facts: a SIRENE stock file under
 * `registry/`, an anchor's supplier directory under `directories/<anchorId>/`.
 */
async function registryLoad(event: unknown): Promise<{ outcomes: FactsOutcome[] }> {
  if (S3TestEventSchema.safeParse(event).success) return { outcomes: [] };
  const outcomes: FactsOutcome[] = [];
  for (const location of locationsOf(S3EventSchema.parse(event))) {
    const anchorId = DIRECTORY_KEY.exec(location.key)?.[1];
    const deps = registryDependencies();
    const outcome = anchorId
      ? await loadDirectory(deps, location, anchorId)
      : await loadRegistry(deps, location);
    logInfo({ key: location.key, ...outcome });
    outcomes.push(outcome);
  }
  return { outcomes };
}

export const handler = middy(registryLoad).use(logErrors('registry-load'));
