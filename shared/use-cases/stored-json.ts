import type * as z from 'zod';
import type { ObjectLocation } from '../domain/dataset.ts';
import type { ObjectStore } from '../ports/object-store.ts';

/**
 * A JSON object this project wrote (a report.json, a status.json), checked against its schema;
 * undefined when it is missing or not of that shape (written by an older version), never a throw.
 */
export async function readStoredJson<T>(
  objects: ObjectStore,
  location: Omit<ObjectLocation, 'versionId' | 'eTag'>,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const text = await objects.readText(location);
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
