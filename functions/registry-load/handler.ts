import middy from '@middy/core';
import { OBJECT_PREFIXES } from '../../shared/contracts/table.ts';
import { logInfo } from '../../shared/runtime/log.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { forEachNotification } from '../../shared/runtime/notification-batch.ts';
import { registryDependencies } from '../../shared/runtime/registry-dependencies.ts';
import { loadDirectory, loadRegistry } from '../../shared/use-cases/load-facts.ts';

/** `directories/<anchorId>/<file>` in the reference bucket: an anchor's supplier directory. */
const DIRECTORY_KEY = new RegExp(`^${OBJECT_PREFIXES.directories}([^/]+)/.+`);

/**
 * Loads a file dropped in the reference bucket as supplier facts: a SIRENE stock file under
 * `registry/`, an anchor's supplier directory under `directories/<anchorId>/`.
 */
async function registryLoad(event: unknown) {
  const deps = registryDependencies();
  return forEachNotification(event, async (location) => {
    const anchorId = DIRECTORY_KEY.exec(location.key)?.[1];
    const outcome = anchorId
      ? await loadDirectory(deps, location, anchorId)
      : await loadRegistry(deps, location);
    logInfo({ key: location.key, ...outcome });
    return { result: outcome, retry: false as const };
  });
}

export const handler = middy(registryLoad).use(logErrors('registry-load'));
