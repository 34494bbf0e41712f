import { DECP_JSON_FORMATS } from './decp-json-formats.ts';
import { INFERRED_FORMAT } from './inference/inferred-format.ts';
import { KNOWN_FORMATS } from './known-formats.ts';

type Language = 'fr' | 'en';

const NAMED_FORMATS: readonly { id: string; label: string; labelFr: string }[] = [
  ...KNOWN_FORMATS,
  ...Object.values(DECP_JSON_FORMATS),
  INFERRED_FORMAT,
];

const MAPPING_PREFIX = 'mapping:';
const MAPPING_EN = /^mapping profile "(.*)"$/s;

/**
 * A format's name as a reader sees it, from the id a dataset records: a known format by its name
 * in the language, a mapping profile by its id (the dataset does not keep the profile's label), and
 * an id this version does not know as it is.
 */
export function formatName(id: string, language: Language): string {
  const known = NAMED_FORMATS.find((format) => format.id === id);
  if (known) return language === 'fr' ? known.labelFr : known.label;
  if (id.startsWith(MAPPING_PREFIX)) return mappingProfileName(id.slice(MAPPING_PREFIX.length), language);
  return id;
}

function mappingProfileName(label: string, language: Language): string {
  return language === 'fr' ? `profil de correspondance «\u00A0${label}\u00A0»` : `mapping profile "${label}"`;
}

/** The French name of a format named in English in a reason ingest wrote; a name it does not know stays. */
export function frenchFormatLabel(english: string): string {
  const known = NAMED_FORMATS.find((format) => format.label === english);
  if (known) return known.labelFr;
  const mapping = MAPPING_EN.exec(english);
  return mapping ? mappingProfileName(mapping[1] ?? '', 'fr') : english;
}
