import type { MeResponse, UploadRequest } from '../../../../shared/contracts/portal-api.ts';
import { CONSORTIUM_UPLOADER } from '../../../../shared/domain/territory/consortium.ts';

export type UploadScope = NonNullable<UploadRequest['scope']>;

/**
 * What the upload page offers about whose figures a file feeds: an institution's user uploads for it
 * alone (`own`); a consortium administrator bound to an institution chooses (`choice`); signed in as
 * the consortium itself, every file is consortium-wide (`consortium`).
 */
export type ScopeOffer = 'own' | 'choice' | 'consortium';

export function scopeOfferFor(me: Pick<MeResponse, 'anchorId' | 'consortiumAdministrator'>): ScopeOffer {
  if (me.anchorId === CONSORTIUM_UPLOADER) return 'consortium';
  return me.consortiumAdministrator ? 'choice' : 'own';
}

/**
 * The `scope` of POST /uploads. Left out for an institution's user: the server's default is theirs,
 * and asking for the consortium would only earn a 403.
 */
export function requestedScope(offer: ScopeOffer, chosen: UploadScope): UploadScope | undefined {
  if (offer === 'own') return undefined;
  return offer === 'consortium' ? 'consortium' : chosen;
}
