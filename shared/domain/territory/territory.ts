import * as z from 'zod';
import { CurrencySchema } from '../dataset-kind.ts';
import { ExclusionRuleSchema } from '../influenceable.ts';
import { MultiplierConfigSchema } from '../multiplier/multiplier-config.ts';
import { CONSORTIUM_UPLOADER } from './consortium.ts';

const LocalisedTextSchema = z.object({ fr: z.string().min(1), en: z.string().min(1) });

/**
 * A ring is a set of places; a supplier belongs to the first (most local) ring that contains it.
 * French rings list INSEE commune codes, départements, régions or countries; UK rings list postcode
 * districts or areas (or local-authority codes, matched against a supplier directory).
 */
export const RingSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ring ids are lower-case words such as "metropole"'),
    label: LocalisedTextSchema,
    communes: z.array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/)).optional(),
    epci: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
    departements: z.array(z.string().regex(/^(\d{2,3}|2[AB])$/)).optional(),
    regions: z.array(z.string().regex(/^\d{2}$/)).optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
    postcodeDistricts: z.array(z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]?$/)).optional(),
    postcodeAreas: z.array(z.string().regex(/^[A-Z]{1,2}$/)).optional(),
    localAuthorities: z.array(z.string().min(1)).optional(),
  })
  .refine(
    (ring) =>
      [
        ring.communes,
        ring.departements,
        ring.regions,
        ring.countries,
        ring.postcodeDistricts,
        ring.postcodeAreas,
        ring.localAuthorities,
      ].some((places) => places && places.length > 0),
    { message: 'a ring must list at least one place' },
  );
export type Ring = z.infer<typeof RingSchema>;

/**
 * A body whose spend an anchor publishes as its own and uploads with its own files: a city's CCAS,
 * its régies, a budget annexe with its own SIRET. Its lines count in the anchor's report.
 */
export const SatelliteSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) });

export const AnchorSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  type: z.string().optional(),
  /** The bodies this anchor may upload lines for, besides itself (docs/security.md, "Tenants"). */
  satellites: z.array(SatelliteSchema).max(200).default([]),
});
export type Anchor = z.infer<typeof AnchorSchema>;

/**
 * A target the relocalisation programme steers by, e.g. "40 % of influenceable spend local by 2026"
 * or "10 % with the social economy".
 */
export const TargetSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: LocalisedTextSchema,
  metric: z.enum(['local-share', 'supplier-type-share']),
  /** For a local-share target: the ring (and those inside it) that counts; the local ring if unset. */
  ring: z.string().optional(),
  view: z.enum(['establishment', 'headOffice']).default('establishment'),
  /** For a supplier-type-share target: the types that count. */
  supplierTypes: z.array(z.string()).optional(),
  value: z.number().min(0).max(1),
  year: z.number().int().min(2000).max(2100),
  baseline: z.object({ value: z.number().min(0).max(1), year: z.number().int() }).optional(),
  /**
   * `adopted` for a target the anchors voted or signed. A target not said to be adopted is shown as
   * illustrative wherever it appears: a report must not read an example as a commitment.
   */
  status: z.enum(['adopted', 'illustrative']).default('illustrative'),
});
export type Target = z.infer<typeof TargetSchema>;

/** A territory's id names its file in the reference bucket (`territories/<id>.json`) and its reports. */
export const TerritoryIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'a territory id is lower-case letters, digits and "-", such as "lyon-metropole"',
  );

export const TerritorySchema = z
  .object({
    id: TerritoryIdSchema,
    name: z.string().min(1),
    country: z.enum(['FR', 'GB']),
    language: z.enum(['fr', 'en']),
    currency: CurrencySchema,
    /** Most local first. `abroad` and `unknown` are added by the method, never listed here. */
    rings: z.array(RingSchema).min(1),
    /** The ring (and every ring inside it) that counts as local in the headline figure. */
    localRing: z.string(),
    anchors: z.array(AnchorSchema),
    targets: z.array(TargetSchema).default([]),
    /** Influenceable-spend rules; the method's defaults (docs/method.md) when absent. */
    exclusionRules: z.array(ExclusionRuleSchema).optional(),
    /** Where the geography of the rings came from, for whoever checks the file. */
    source: z.string().optional(),
    /**
     * The local multiplier's inputs (docs/method.md, "Local multiplier (LM3)"): the base, what each
     * anchor states (staff costs, local staff share, total expenditure) with its source and date, the
     * scenario's shift, the territory's own re-spend defaults. Absent: the method's defaults, no staff.
     */
    multiplier: MultiplierConfigSchema.optional(),
  })
  .refine((territory) => territory.rings.some((ring) => ring.id === territory.localRing), {
    message: 'localRing must be the id of one of the rings',
  })
  .refine((territory) => territory.rings.at(-1)?.countries?.includes(territory.country), {
    message: 'the last ring must be the territory\'s whole country (countries: ["FR"] or ["GB"])',
  })
  .refine((territory) => new Set(territory.rings.map((ring) => ring.id)).size === territory.rings.length, {
    message: 'ring ids must be unique',
  })
  .refine((territory) => territory.anchors.every((anchor) => anchor.id !== CONSORTIUM_UPLOADER), {
    message: `"${CONSORTIUM_UPLOADER}" is the consortium administrators' upload folder, not an anchor id`,
  })
  .refine(
    (territory) => {
      const ids = territory.anchors.flatMap((anchor) => [anchor.id, ...anchor.satellites.map((s) => s.id)]);
      return new Set(ids).size === ids.length;
    },
    { message: 'an anchor or satellite id may be listed once only: a satellite belongs to one anchor' },
  );
export type Territory = z.infer<typeof TerritorySchema>;

/** Bands every report has after the territory's own rings. */
export const ABROAD = 'abroad';
export const UNKNOWN = 'unknown';

const BAND_LABELS = new Map([
  [ABROAD, { fr: 'Étranger', en: 'Abroad' }],
  [UNKNOWN, { fr: 'Localisation inconnue', en: 'Location unknown' }],
]);

/** The label of a ring or of the abroad / unknown bands, in the report's language. */
export function bandLabel(territory: Territory, band: string, language: 'fr' | 'en'): string {
  const label = territory.rings.find((ring) => ring.id === band)?.label ?? BAND_LABELS.get(band);
  return label ? label[language] : band;
}

/** The territory's rings up to and including its local ring: where spend counts as local. */
export const localRingsOf = (territory: Territory): Ring[] =>
  territory.rings.slice(0, territory.rings.findIndex((ring) => ring.id === territory.localRing) + 1);
