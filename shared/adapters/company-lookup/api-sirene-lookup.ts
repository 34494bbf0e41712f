import * as z from 'zod';
import type { EstablishmentFacts, UnitFacts } from '../../domain/registry/supplier-facts.ts';
import type { CompanyLookup, LookupAnswer } from '../../ports/company-lookup.ts';
import {
  type Etablissement,
  SirenAnswerSchema,
  SiretAnswerSchema,
  type UniteLegale,
} from './api-sirene-answer.ts';
import {
  establishmentOf,
  headOfficeSiret,
  unitOfEtablissement,
  unitOfUniteLegale,
} from './api-sirene-facts.ts';
import { invalidIdentifierReason, parseLookupIdentifier } from './lookup-identifier.ts';
import { createPoliteClient, dayOf, type PoliteClientOptions } from './polite-client.ts';
import { malformed, type Unavailable, unavailable } from './unavailable.ts';

const VIA = 'api-sirene';

export const API_SIRENE_URL = 'https://api.insee.fr/api-sirene/3.11';

/** INSEE's default quota for the API Sirene: 30 requests a minute per application. */
export const API_SIRENE_RATE_LIMIT = { requests: 30, perMs: 60_000 } as const;

export interface ApiSireneOptions extends PoliteClientOptions {
  /** The application's key from portail-api.insee.fr; the caller fetches it from its secret store. */
  readonly apiKey: string;
}

type Fetched<T> =
  | { readonly status: 'fetched'; readonly value: T }
  | { readonly status: 'not-found' }
  | Unavailable;

/** INSEE's own error answers carry its header; a gateway's refusal does not. */
const InseeHeaderSchema = z.object({ header: z.object({ statut: z.number() }) });

/**
 * INSEE's API Sirene, one SIRET or SIREN per call. The head office is a call of its own when the
 * establishment asked for is not it (and always for a SIREN): two calls against the quota then.
 */
export function createApiSireneLookup(options: ApiSireneOptions): CompanyLookup {
  if (options.apiKey.trim() === '') {
    throw new Error('the API Sirene needs an API key (header X-INSEE-Api-Key-Integration)');
  }
  const client = createPoliteClient(options, { baseUrl: API_SIRENE_URL, rateLimit: API_SIRENE_RATE_LIMIT });
  const headers = { 'X-INSEE-Api-Key-Integration': options.apiKey };

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<Fetched<T>> {
    const outcome = await client.get(`${client.baseUrl}${path}`, headers);
    if (outcome.kind === 'unavailable') return unavailable(VIA, outcome.reason, outcome.offline);
    if (outcome.status === 200) {
      const parsed = schema.safeParse(outcome.body);
      return parsed.success ? { status: 'fetched', value: parsed.data } : malformed(VIA, parsed.error);
    }
    if (outcome.status === 404) return { status: 'not-found' };
    // INSEE answers 403 for a unit or establishment that exists but is not diffusible: not public,
    // which the port reports as not found. A 403 without INSEE's header is the gateway refusing the
    // key, which must not be cached as "no such company".
    if (outcome.status === 403 && InseeHeaderSchema.safeParse(outcome.body).success) {
      return { status: 'not-found' };
    }
    if (outcome.status === 401 || outcome.status === 403) {
      return unavailable(VIA, `HTTP ${outcome.status}: the API key was refused`);
    }
    return unavailable(VIA, `HTTP ${outcome.status}`);
  }

  const siret = async (value: string): Promise<Fetched<Etablissement>> => {
    const fetched = await get(`/siret/${value}`, SiretAnswerSchema);
    return fetched.status === 'fetched' ? { status: 'fetched', value: fetched.value.etablissement } : fetched;
  };

  /** The unit and the establishments known, with the head office fetched when not among them. */
  async function found(unit: UnitFacts, known: Etablissement[], headOffice: string | undefined, day: string) {
    const records = [...known];
    if (headOffice) {
      const fetched = await siret(headOffice);
      // A head office INSEE does not serve leaves the rest of the answer; a provider failing half-way
      // leaves nothing, so that no half answer is cached.
      if (fetched.status === 'unavailable') return fetched;
      if (fetched.status === 'fetched' && !notPublic(fetched.value)) records.push(fetched.value);
    }
    const establishments: EstablishmentFacts[] = [];
    for (const record of records) {
      const facts = establishmentOf(record, day);
      if (!facts.ok) return unavailable(VIA, facts.reason);
      establishments.push(facts.value);
    }
    return { status: 'found', unit, establishments } satisfies LookupAnswer;
  }

  return {
    provider: VIA,
    async lookup(identifier): Promise<LookupAnswer> {
      const asked = parseLookupIdentifier(identifier);
      if (!asked) return unavailable(VIA, invalidIdentifierReason(identifier));
      const day = dayOf(client.clock);

      if (asked.kind === 'siret') {
        const fetched = await siret(asked.siret);
        if (fetched.status !== 'fetched') return fetched;
        if (notPublic(fetched.value)) return { status: 'not-found' };
        const unit = unitOfEtablissement(fetched.value, day);
        if (!unit.ok) return unavailable(VIA, unit.reason);
        const nic = fetched.value.uniteLegale.nicSiegeUniteLegale ?? '';
        const headOffice = fetched.value.etablissementSiege ? undefined : `${asked.siren}${nic}`;
        return found(
          unit.value,
          [fetched.value],
          /^\d{14}$/.test(headOffice ?? '') ? headOffice : undefined,
          day,
        );
      }

      const fetched = await get(`/siren/${asked.siren}`, SirenAnswerSchema);
      if (fetched.status !== 'fetched') return fetched;
      const unite = fetched.value.uniteLegale;
      if (notPublic(unite)) return { status: 'not-found' };
      const unit = unitOfUniteLegale(unite, day);
      if (!unit.ok) return unavailable(VIA, unit.reason);
      return found(unit.value, [], headOfficeSiret(unite), day);
    },
  };
}

/**
 * Since 2023 INSEE serves a unit under partial diffusion (statutDiffusion "P") with its names and
 * address masked instead of refusing it: it is not public either way.
 */
function notPublic(record: Etablissement | UniteLegale): boolean {
  if ('uniteLegale' in record) {
    return (
      record.statutDiffusionEtablissement === 'P' || record.uniteLegale.statutDiffusionUniteLegale === 'P'
    );
  }
  return record.statutDiffusionUniteLegale === 'P';
}
