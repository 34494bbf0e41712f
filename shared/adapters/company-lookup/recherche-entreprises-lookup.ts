import type { CompanyLookup } from '../../ports/company-lookup.ts';
import { invalidIdentifierReason, parseLookupIdentifier } from './lookup-identifier.ts';
import { createPoliteClient, dayOf, type PoliteClientOptions } from './polite-client.ts';
import { rechercheEntreprisesFacts } from './recherche-entreprises-facts.ts';
import { unavailable } from './unavailable.ts';

const VIA = 'recherche-entreprises';

export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';

/** "Le serveur accepte un maximum de 7 requêtes par seconde" (the API's OpenAPI description). */
export const RECHERCHE_ENTREPRISES_RATE_LIMIT = { requests: 7, perMs: 1000 } as const;

/**
 * The French State's company search (no key). A SIREN or SIRET as `q` is matched exactly; for a
 * SIRET the establishment comes back in `matching_etablissements`. `minimal` with `include` leaves
 * out the officers and accounts nobody reads here.
 */
export function createRechercheEntreprisesLookup(options: PoliteClientOptions = {}): CompanyLookup {
  const client = createPoliteClient(options, {
    baseUrl: RECHERCHE_ENTREPRISES_URL,
    rateLimit: RECHERCHE_ENTREPRISES_RATE_LIMIT,
  });
  return {
    provider: VIA,
    async lookup(identifier) {
      const asked = parseLookupIdentifier(identifier);
      if (!asked) return unavailable(VIA, invalidIdentifierReason(identifier));
      const query = new URLSearchParams({
        q: identifier,
        page: '1',
        per_page: '1',
        minimal: 'true',
        include: 'siege,complements,matching_etablissements',
      });
      const outcome = await client.get(`${client.baseUrl}/search?${query}`);
      if (outcome.kind === 'unavailable') return unavailable(VIA, outcome.reason, outcome.offline);
      if (outcome.status !== 200) return unavailable(VIA, `HTTP ${outcome.status}`);
      return rechercheEntreprisesFacts(outcome.body, asked, dayOf(client.clock));
    },
  };
}
