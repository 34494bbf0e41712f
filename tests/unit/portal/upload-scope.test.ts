import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import { requestedScope, scopeOfferFor } from '../../../portal/src/pages/upload/upload-scope.ts';

describe('whose figures an upload feeds', () => {
  it('offers a choice only to a consortium administrator bound to an institution', () => {
    expect(scopeOfferFor({ anchorId: 'SYNTHETIC-regie', consortiumAdministrator: false })).toBe('own');
    expect(scopeOfferFor({ anchorId: 'SYNTHETIC-regie', consortiumAdministrator: true })).toBe('choice');
    expect(scopeOfferFor({ anchorId: 'consortium', consortiumAdministrator: true })).toBe('consortium');
  });

  it('sends the scope chosen, the consortium’s for the consortium, and none for an institution’s user', () => {
    expect(requestedScope('choice', 'anchor')).toBe('anchor');
    expect(requestedScope('choice', 'consortium')).toBe('consortium');
    expect(requestedScope('consortium', 'anchor')).toBe('consortium');
    // A user who may not upload for the consortium never asks for it, whatever the page's state.
    expect(requestedScope('own', 'consortium')).toBeUndefined();
  });

  it('names the institution in the choice, in both languages', () => {
    expect(MESSAGES.fr.upload.scopeAnchor('Régie des eaux')).toBe('Mon institution (Régie des eaux)');
    expect(MESSAGES.en.upload.scopeAnchor('Régie des eaux')).toBe('My institution (Régie des eaux)');
    expect(MESSAGES.fr.upload.scopeConsortium).toContain('extrait DECP départemental');
  });
});
