import { type RuntimeConfig, readRuntimeConfig } from './env.ts';

/**
 * Builds a function's dependencies on first use rather than at import, so tests and the local stack
 * can set the environment first; rebuilt only if the configuration changes (a second local stack).
 */
export function cachedByConfig<T>(build: (config: RuntimeConfig) => T): (env?: NodeJS.ProcessEnv) => T {
  let cached: { readonly signature: string; readonly value: T } | undefined;
  return (env = process.env) => {
    const config = readRuntimeConfig(env);
    const signature = JSON.stringify(config);
    if (cached?.signature !== signature) cached = { signature, value: build(config) };
    return cached.value;
  };
}
