import { describe, expect, it } from 'vitest';
import { initialLanguage, LanguageState, MESSAGES } from '../../../portal/src/i18n/language.ts';
import type { Messages } from '../../../portal/src/i18n/messages.ts';

/** Every path to a leaf, with the leaf: both dictionaries must say everything, and say something. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${prefix}.${key}`));
  }
  return [[prefix, value]];
}

describe('the portal dictionaries', () => {
  const fr = new Map(leaves(MESSAGES.fr));
  const en = new Map(leaves(MESSAGES.en));

  it('have the same keys in French and English', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
  });

  it.each(['fr', 'en'] as const)(
    '%s: every message is non-empty text and shows every value it is given',
    (language) => {
      for (const [path, value] of leaves(MESSAGES[language])) {
        if (typeof value !== 'function') {
          expect(typeof value === 'string' && value.trim() !== '', path).toBe(true);
          continue;
        }
        const message = value as (...args: unknown[]) => string;
        if (path.endsWith('.place')) {
          expect(message({ commune: '38185', postcode: '38000', country: 'FR' })).toMatch(/38185.*38000.*FR/);
          continue;
        }
        const values = Array.from({ length: message.length }, (_, i) => `«v${i}»`);
        const output = message(...values);
        for (const shown of values) expect(output, path).toContain(shown);
      }
    },
  );

  it('translates: no English sentence is left in the French dictionary', () => {
    const same = [...fr].filter(
      ([path, value]) =>
        typeof value === 'string' && value === en.get(path) && !/locale|delimiters|json/.test(path),
    );
    // Words identical in both languages (e.g. "Format", "Message") are fine; sentences are not.
    expect(same.filter(([, value]) => String(value).includes(' ')).map(([path]) => path)).toEqual([]);
  });

  it('agrees in number in French', () => {
    const fr: Messages = MESSAGES.fr;
    expect(fr.detection.sample(1, 1, 1)).toContain('1 ligne acceptée, 1 rejetée');
    expect(fr.detection.sample(2, 3, 5)).toContain('2 lignes acceptées, 3 rejetées');
    expect(MESSAGES.en.suppliers.results(1, 3)).toBe('1 supplier shown of 3');
    expect(fr.surveys.invitations.counts(1, 2)).toBe('1 fournisseur a répondu, 2 n’ont pas répondu.');
    expect(fr.surveys.invitations.counts(3, 0)).toBe('3 fournisseurs ont répondu, 0 n’a pas répondu.');
    expect(MESSAGES.en.surveys.invitations.counts(1, 1)).toBe('1 supplier answered, 1 did not answer.');
    expect(fr.surveys.candidates.chosen(2)).toBe('2 fournisseurs choisis');
  });
});

describe('the language choice', () => {
  const memoryStorage = (initial: string | null) => {
    const values = new Map<string, string>(initial ? [['ancrage.language', initial]] : []);
    return {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => values.set(key, value),
    };
  };

  it('is French by default and for anything not English', () => {
    expect(initialLanguage(null)).toBe('fr');
    expect(initialLanguage('de')).toBe('fr');
    expect(initialLanguage('en')).toBe('en');
  });

  it('is persisted and tells its listeners', () => {
    const storage = memoryStorage(null);
    const state = new LanguageState(storage);
    let calls = 0;
    state.onChange(() => calls++);
    state.set('en');
    expect(state.messages.nav.upload).toBe('Upload a file');
    expect(calls).toBe(1);
    expect(new LanguageState(storage).language).toBe('en');
  });
});
