import { describe, expect, it } from 'vitest';
import { createS3MappingProfiles, mappingProfileKey } from '../../../shared/adapters/s3-mapping-profiles.ts';
import {
  MAX_COLUMN_NAME_LENGTH,
  MAX_PROFILE_LABEL_LENGTH,
  type MappingProfile,
  MappingProfileSchema,
} from '../../../shared/domain/formats/mapping-profile.ts';
import type { MappingProfiles } from '../../../shared/ports/mapping-profiles.ts';
import type { ObjectStore } from '../../../shared/ports/object-store.ts';
import { saveMappingProfile } from '../../../shared/use-cases/portal-mapping-profiles.ts';

/** Every stored string of a mapping profile is bounded, with a message that says which and how far. */
const profile = (overrides: Partial<MappingProfile> = {}): MappingProfile => ({
  version: 1,
  id: 'grand-livre',
  label: 'Grand livre 2025',
  kind: 'payments',
  currency: 'EUR',
  decimal: ',',
  dateFormat: 'dd/mm/yyyy',
  columns: { supplierName: 'Tiers', amount: 'Montant', date: 'Date' },
  ...overrides,
});

const firstIssue = (value: unknown) => {
  const parsed = MappingProfileSchema.safeParse(value);
  if (parsed.success) return 'accepted';
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.')}: ${issue?.message}`;
};

describe('mapping profile limits', () => {
  it.each([
    ['a label at the limit', profile({ label: 'l'.repeat(MAX_PROFILE_LABEL_LENGTH) }), 'accepted'],
    [
      'a label one over',
      profile({ label: 'l'.repeat(MAX_PROFILE_LABEL_LENGTH + 1) }),
      'label: a label is at most 200 characters',
    ],
    [
      'a 900 KB label',
      profile({ label: 'l'.repeat(900 * 1024) }),
      'label: a label is at most 200 characters',
    ],
    [
      'a column name at the limit',
      profile({
        columns: { supplierName: 'c'.repeat(MAX_COLUMN_NAME_LENGTH), amount: 'Montant', date: 'Date' },
      }),
      'accepted',
    ],
    [
      'a column name one over',
      profile({
        columns: { supplierName: 'c'.repeat(MAX_COLUMN_NAME_LENGTH + 1), amount: 'Montant', date: 'Date' },
      }),
      'columns.supplierName: a column name is at most 200 characters',
    ],
    [
      'a 50 KB column name',
      profile({ columns: { supplierName: 'Tiers', amount: 'm'.repeat(50 * 1024), date: 'Date' } }),
      'columns.amount: a column name is at most 200 characters',
    ],
    [
      'an id of 65 characters',
      profile({ id: `a${'b'.repeat(64)}` }),
      'id: lower-case letters, digits and "-"',
    ],
  ])('%s', (_label, value, expected) => {
    expect(firstIssue(value)).toBe(expected);
  });

  it('the column limit is on the trimmed name, as the header is matched', () => {
    const padded = ` ${'c'.repeat(MAX_COLUMN_NAME_LENGTH)} `;
    const parsed = MappingProfileSchema.parse(
      profile({ columns: { supplierName: padded, amount: 'Montant', date: 'Date' } }),
    );
    expect(parsed.columns.supplierName).toHaveLength(MAX_COLUMN_NAME_LENGTH);
  });
});

const caller = { anchorId: 'anchor-a', name: 'agent@ville.example', consortiumAdministrator: false };

describe('saving a mapping profile', () => {
  const store = () => {
    const saved: MappingProfile[] = [];
    const mappings: MappingProfiles = {
      get: async () => undefined,
      put: async (_anchorId, value) => {
        saved.push(value);
      },
      list: async () => [],
      ids: async () => saved.map((one) => one.id),
    };
    return { saved, mappings };
  };

  it('refuses an over-long label with a readable reason, and stores nothing', async () => {
    const { saved, mappings } = store();
    const result = await saveMappingProfile(
      { mappings },
      caller,
      'grand-livre',
      profile({ label: 'l'.repeat(900 * 1024) }),
    );
    expect(result).toEqual({ ok: false, reason: 'label: a label is at most 200 characters' });
    expect(saved).toEqual([]);
  });

  it('stores a profile within the limits', async () => {
    const { saved, mappings } = store();
    const result = await saveMappingProfile({ mappings }, caller, 'grand-livre', profile());
    expect(result.ok).toBe(true);
    expect(saved).toEqual([profile()]);
  });
});

describe('the stored profiles', () => {
  it('are at most 50 per institution: a 51st id is refused, a profile saved again is not', async () => {
    const mappings = createS3MappingProfiles(objectsInMemory().objects, 'reference');
    const save = (id: string) => saveMappingProfile({ mappings }, caller, id, profile({ id }));
    for (let n = 0; n < 50; n++) expect((await save(`export-${n}`)).ok).toBe(true);
    expect(await save('export-50')).toEqual({
      ok: false,
      reason:
        'your institution keeps 50 mapping profiles already: save this one under the id of one it replaces',
    });
    expect((await save('export-7')).ok).toBe(true);
    expect(await mappings.ids('anchor-a')).toHaveLength(50);
    expect(await mappings.ids('anchor-b')).toEqual([]);
  });

  const objectsInMemory = () => {
    const texts = new Map<string, string>();
    const objects: ObjectStore = {
      open: async () => undefined,
      put: async (location, body) => {
        texts.set(location.key, String(body));
      },
      readText: async (location) => texts.get(location.key),
      list: async (_bucket, prefix) => [...texts.keys()].filter((key) => key.startsWith(prefix)),
    };
    return { texts, objects };
  };

  it('are never written over their bounds, whoever calls', async () => {
    const { texts, objects } = objectsInMemory();
    const mappings = createS3MappingProfiles(objects, 'reference');
    await expect(mappings.put('anchor-a', profile({ label: 'l'.repeat(900 * 1024) }))).rejects.toThrow(
      'a label is at most 200 characters',
    );
    expect(texts.size).toBe(0);
  });

  it('read as none when stored over their bounds before them, in the list as by id', async () => {
    const { texts, objects } = objectsInMemory();
    texts.set(
      mappingProfileKey('anchor-a', 'grand-livre'),
      JSON.stringify(profile({ label: 'l'.repeat(201) })),
    );
    const mappings = createS3MappingProfiles(objects, 'reference');
    expect(await mappings.get('anchor-a', 'grand-livre')).toBeUndefined();
    expect(await mappings.list('anchor-a')).toEqual([]);
    await mappings.put('anchor-a', profile());
    expect(await mappings.get('anchor-a', 'grand-livre')).toEqual(profile());
  });
});
