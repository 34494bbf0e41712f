import { describe, expect, it } from 'vitest';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import type { TerritoryCatalog } from '../../../shared/ports/territory-catalog.ts';
import { readingOnce } from '../../../shared/use-cases/territory-read-once.ts';

describe('readingOnce', () => {
  it('reads each territory once through it, and each anew through another', async () => {
    const asked: string[] = [];
    const catalog: TerritoryCatalog = {
      async get(id) {
        asked.push(id);
        return BUNDLED_TERRITORIES.get(id);
      },
    };
    const once = readingOnce(catalog);
    const [first, second] = [await once.get('oxford'), await once.get('oxford')];
    expect(first?.id).toBe('oxford');
    expect(second).toBe(first);
    expect(await once.get('nowhere')).toBeUndefined();
    expect(await once.get('nowhere')).toBeUndefined();
    expect(asked).toEqual(['oxford', 'nowhere']);
    await readingOnce(catalog).get('oxford');
    expect(asked).toEqual(['oxford', 'nowhere', 'oxford']);
  });
});
