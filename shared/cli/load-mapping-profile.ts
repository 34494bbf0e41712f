import { readFileSync } from 'node:fs';
import { type MappingProfile, MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import { UsageError } from './cli-error.ts';

/** Reads and checks a mapping profile file, with a message that says what to fix. */
export function loadMappingProfile(path: string): MappingProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--mapping: ${path} cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = MappingProfileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`)
      .join('; ');
    throw new UsageError(`--mapping: ${path} is not a valid mapping profile: ${problems}`);
  }
  return parsed.data;
}
