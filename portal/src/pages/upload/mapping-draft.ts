import type { MappingProfile } from '../../../../shared/contracts/portal-api.ts';
import { CurrencySchema } from '../../../../shared/domain/dataset-kind.ts';
import type { DateOrder } from '../../../../shared/domain/dates.ts';
import type { CanonicalField } from '../../../../shared/domain/formats/canonical-fields.ts';
import { INFERRED_ROLES } from '../../../../shared/domain/formats/inference/column-roles.ts';
import { repairHeaderCell } from '../../../../shared/domain/formats/inference/header-repair.ts';
import { MAX_PROFILE_LABEL_LENGTH } from '../../../../shared/domain/formats/mapping-profile.ts';
import type { DetectedColumn, DetectedFormat, Detection } from '../../detect/detect-file.ts';

/** The fields an officer maps by hand: those inference reads, who was paid and how much first. */
export const MAPPABLE_FIELDS = INFERRED_ROLES;

export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** What a new mapping profile's form starts from: as much as detection knows, so the officer only checks. */
export interface MappingDraft {
  /** The header's index in `detection.rows`. */
  readonly headerRow: number;
  /** Each field's column, named as `columnName` names it. */
  readonly columns: Readonly<Partial<Record<MappableField, string>>>;
  readonly kind?: MappingProfile['kind'];
  readonly currency?: MappingProfile['currency'];
  readonly decimal?: MappingProfile['decimal'];
  readonly dateFormat?: MappingProfile['dateFormat'];
  readonly label: string;
  readonly id: string;
}

const DATE_FORMATS: Readonly<Record<DateOrder, MappingProfile['dateFormat']>> = {
  dmy: 'dd/mm/yyyy',
  ymd: 'yyyy-mm-dd',
  mdy: 'mm/dd/yyyy',
};

const MAPPABLE: ReadonlySet<CanonicalField> = new Set(MAPPABLE_FIELDS);
const isMappable = (field: CanonicalField): field is MappableField => MAPPABLE.has(field);

/**
 * A header cell as a profile names it: repaired as the header is before it is matched (a UTF-8 name
 * decoded twice, a stray byte-order mark), or the profile would name a column no header shows.
 */
export const columnName = (cell: string): string => repairHeaderCell(cell);

const withoutExtension = (fileName: string) => fileName.replace(/\.[^.]*$/, '').trim();

/** A profile id from a file name, by the profile's id rule: lower-case letters, digits and dashes. */
export function profileIdOf(fileName: string): string {
  return withoutExtension(fileName)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** The first non-blank row: where a header usually is. */
const firstFilledRow = (rows: Detection['rows']) =>
  Math.max(
    0,
    rows.findIndex((cells) => cells.some((cell) => cell.trim() !== '')),
  );

/**
 * The form's starting point: the columns and layout detection read (a saved profile's, or
 * inference's), else inference's best guess, else nothing but the first filled row; and a label and
 * an id from the file's name.
 */
export function mappingDraft(detection: Detection): MappingDraft {
  const start: { headerLine?: number; columns: readonly DetectedColumn[]; format?: DetectedFormat } =
    detection.format
      ? {
          ...(detection.headerLine ? { headerLine: detection.headerLine } : {}),
          columns: detection.columns,
          format: detection.format,
        }
      : (detection.bestGuess ?? { columns: [] });
  const found = start.headerLine === undefined ? -1 : detection.rowLines.indexOf(start.headerLine);
  const headerRow = found >= 0 ? found : firstFilledRow(detection.rows);
  const header = detection.rows[headerRow] ?? [];
  const columns: Partial<Record<MappableField, string>> = {};
  for (const { field, index } of start.columns) {
    const cell = header[index];
    if (isMappable(field) && cell !== undefined && cell.trim() !== '') columns[field] = columnName(cell);
  }
  const format = start.format;
  const currency = CurrencySchema.safeParse(format?.currency);
  return {
    headerRow,
    columns,
    ...(format ? { kind: format.kind } : {}),
    ...(format?.decimal ? { decimal: format.decimal } : {}),
    ...(format?.dateOrder ? { dateFormat: DATE_FORMATS[format.dateOrder] } : {}),
    ...(currency.success ? { currency: currency.data } : {}),
    label: (withoutExtension(detection.fileName) || detection.fileName).slice(0, MAX_PROFILE_LABEL_LENGTH),
    id: profileIdOf(detection.fileName),
  };
}
