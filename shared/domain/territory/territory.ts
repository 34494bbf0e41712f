import { z } from 'zod';
import { CurrencySchema } from '../dataset-kind.ts';

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

export const AnchorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.string().optional(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const TerritorySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    country: z.enum(['FR', 'GB']),
    language: z.enum(['fr', 'en']),
    currency: CurrencySchema,
    /** Most local first. `abroad` and `unknown` are added by the method, never listed here. */
    rings: z.array(RingSchema).min(1),
    /** The ring (and every ring inside it) that counts as local in the headline figure. */
    localRing: z.string(),
    anchors: z.array(AnchorSchema),
  })
  .refine((territory) => territory.rings.some((ring) => ring.id === territory.localRing), {
    message: 'localRing must be the id of one of the rings',
  })
  .refine((territory) => territory.rings.at(-1)?.countries?.includes(territory.country), {
    message: 'the last ring must be the territory\'s whole country (countries: ["FR"] or ["GB"])',
  })
  .refine((territory) => new Set(territory.rings.map((ring) => ring.id)).size === territory.rings.length, {
    message: 'ring ids must be unique',
  });
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
