import { type Language, SURVEY_LIMITS, type SurveyAnswersImport } from '../../contracts/portal-api.ts';
import { parseAnyDate } from '../../domain/dates.ts';
import { mapInFlight } from '../../domain/in-flight.ts';
import { readLineIdentifier } from '../../domain/line-identifier.ts';
import type { SurveyAnswer } from '../../domain/multiplier/survey-answer.ts';
import { supplierKeyOf } from '../../domain/supplier-key.ts';
import { MAX_SURVEYS_PER_ANCHOR, type SurveyRecord } from '../../ports/surveys.ts';
import type { Caller } from '../portal.ts';
import type { SupplierSpendTotal } from '../portal-supplier-spend.ts';
import { listedAnchorSuppliers } from '../portal-suppliers.ts';
import { type AnswerColumn, FIELD_LABELS, readHeader } from './answer-columns.ts';
import { readAnswerFields } from './answer-fields.ts';
import { csvLines, MAX_ANSWERS_CSV_ROWS } from './answers-csv.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { surveyLanguage } from './survey-language.ts';
import { changeSurvey } from './write-survey.ts';

type Rejected = SurveyAnswersImport['rejected'][number];

const SAY = {
  fr: {
    tooLarge: `le fichier dépasse ${SURVEY_LIMITS.maxAnswersCsvBytes / 1024 / 1024} Mo`,
    tooManyRows: `le fichier compte plus de ${MAX_ANSWERS_CSV_ROWS} lignes`,
    empty: 'le fichier est vide',
    quotes: 'les guillemets de la ligne ne se referment pas',
    noSupplier: 'ni clé fournisseur ni SIRET',
    notPaid: 'ce fournisseur ne figure pas parmi ceux que votre institution paie',
    again: (line: number) => `ce fournisseur a déjà une réponse à la ligne ${line}`,
    date: 'date de réponse illisible (jj/mm/aaaa ou aaaa-mm-jj)',
    future: 'date de réponse à venir',
    withdrawn: 'ce fournisseur a retiré sa réponse : elle n’est pas réimportée',
    later: (date: string) => `une réponse plus récente (${date}) est déjà en vigueur`,
    full: `votre institution interroge au plus ${MAX_SURVEYS_PER_ANCHOR} fournisseurs`,
  },
  en: {
    tooLarge: `the file is over ${SURVEY_LIMITS.maxAnswersCsvBytes / 1024 / 1024} MB`,
    tooManyRows: `the file has more than ${MAX_ANSWERS_CSV_ROWS} rows`,
    empty: 'the file is empty',
    quotes: 'the quotes of this line do not close',
    noSupplier: 'neither a supplier key nor a SIRET',
    notPaid: 'not among the suppliers your institution pays',
    again: (line: number) => `this supplier has an answer on line ${line} already`,
    date: 'the date of the answer cannot be read (dd/mm/yyyy or yyyy-mm-dd)',
    future: 'the date of the answer is in the future',
    withdrawn: 'this supplier withdrew its answer: it is not imported again',
    later: (date: string) => `a later answer (${date}) is in force already`,
    full: `an institution surveys at most ${MAX_SURVEYS_PER_ANCHOR} suppliers`,
  },
} as const;

interface Row {
  readonly line: number;
  readonly supplier: SupplierSpendTotal;
  readonly answeredOn: string;
  readonly answer: SurveyAnswer;
}

/**
 * The supplier a row names, by key or by its identifier read as the payment files' are (spaces,
 * checksum, a SIREN, a leading zero a spreadsheet dropped), among those the anchor pays.
 */
function supplierOf(
  cell: (column: AnswerColumn) => string | undefined,
  suppliers: ReadonlyMap<string, SupplierSpendTotal>,
): SupplierSpendTotal | 'none' | undefined {
  const key = cell('supplierKey')?.trim();
  if (key) return suppliers.get(key);
  const written = cell('siret')?.trim();
  if (!written) return 'none';
  const { identifier } = readLineIdentifier(written);
  return identifier ? suppliers.get(supplierKeyOf({ identifier })) : undefined;
}

/**
 * Answers gathered another way (a phone survey, a paper form), from a CSV: every row checked as the
 * form checks an answer, each bad row refused with its line number and why, in the officer's
 * language; good rows stored as the suppliers' answers in force (source `csv`).
 */
export async function importAnswers(
  deps: Pick<SurveyDependencies, 'surveys' | 'datasets' | 'clock' | 'territories' | 'settings'>,
  caller: Caller,
  request: { readonly csv: string; readonly language?: Language | undefined },
): Promise<SurveyAnswersImport> {
  const language = await surveyLanguage(deps, request.language);
  const say = SAY[language];
  if (Buffer.byteLength(request.csv, 'utf8') > SURVEY_LIMITS.maxAnswersCsvBytes) {
    return { accepted: 0, rejected: [{ line: 1, reason: say.tooLarge }] };
  }
  const [header, ...body] = csvLines(request.csv).lines;
  if (!header) return { accepted: 0, rejected: [{ line: 1, reason: say.empty }] };
  if (body.length > MAX_ANSWERS_CSV_ROWS)
    return { accepted: 0, rejected: [{ line: 1, reason: say.tooManyRows }] };
  const columns = header.cells
    ? readHeader(header.cells, language)
    : { ok: false as const, reason: say.quotes };
  if (!columns.ok) return { accepted: 0, rejected: [{ line: header.line, reason: columns.reason }] };
  const today = deps.clock.now().toISOString().slice(0, 10);
  const suppliers = await listedAnchorSuppliers(deps, caller);
  const rejected: Rejected[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    if (!cells) {
      rejected.push({ line, reason: say.quotes });
      continue;
    }
    const cell = (column: AnswerColumn) => {
      const index = columns.at.get(column);
      return index === undefined ? undefined : cells[index];
    };
    const supplier = supplierOf(cell, suppliers);
    if (supplier === 'none' || !supplier) {
      rejected.push({ line, reason: supplier === 'none' ? say.noSupplier : say.notPaid });
      continue;
    }
    const earlier = seen.get(supplier.key);
    if (earlier !== undefined) {
      rejected.push({ line, reason: say.again(earlier) });
      continue;
    }
    const date = parseAnyDate(cell('answeredOn') ?? '');
    if (!date.ok || date.value > today) {
      rejected.push({ line, reason: date.ok ? say.future : say.date });
      continue;
    }
    const fields = readAnswerFields(cell, language);
    if (!fields.ok) {
      const labels = FIELD_LABELS[language];
      const reasons = [...fields.errors].map(
        ([field, message]) => `${labels[field] ?? field} (${field}) : ${message}`,
      );
      rejected.push({ line, reason: reasons.join(' ; ') });
      continue;
    }
    seen.set(supplier.key, line);
    rows.push({ line, supplier, answeredOn: date.value, answer: fields.answer });
  }
  const accepted = await storeRows(deps, caller, rows, say, rejected);
  return { accepted, rejected: rejected.sort((a, b) => a.line - b.line) };
}

type Stored = { readonly stored: true } | { readonly stored: false; readonly reason: string };

/** Rows written at once: a 5 000-row file stays well within the API's 29 seconds. */
const WRITES_IN_FLIGHT = 16;

/** Each good row written as the supplier's answer in force, unless what is stored forbids it. */
async function storeRows(
  deps: Pick<SurveyDependencies, 'surveys' | 'clock'>,
  caller: Caller,
  rows: readonly Row[],
  say: (typeof SAY)[Language],
  rejected: Rejected[],
): Promise<number> {
  const now = deps.clock.now().toISOString();
  // Read once for all rows; a row whose survey changed meanwhile is read again by `changeSurvey`.
  const known = new Map(
    (await deps.surveys.listSurveys(caller.anchorId)).map((s) => [s.record.supplierKey, s]),
  );
  let surveyed = known.size;
  const outcomes = await mapInFlight(rows, WRITES_IN_FLIGHT, async (row) => {
    const read = () => deps.surveys.getSurvey(caller.anchorId, row.supplier.key);
    const seen = { stored: known.get(row.supplier.key) };
    const outcome = await changeSurvey<Stored>(
      deps.surveys,
      read,
      (current) => {
        const refused = (reason: string) => ({ refuse: { stored: false, reason } as const });
        if (current?.record.withdrawnAt && !current.record.answer) return refused(say.withdrawn);
        const inForce = current?.record.answer?.answeredOn;
        if (inForce && inForce > row.answeredOn) return refused(say.later(inForce));
        if (!current && surveyed >= MAX_SURVEYS_PER_ANCHOR) return refused(say.full);
        // A place taken as the write is decided: writes in flight together never pass the bound (a
        // write that lost a race and is decided again may take one more: the bound is then met early).
        if (!current) surveyed += 1;
        const record: SurveyRecord = {
          anchorId: caller.anchorId,
          supplierKey: row.supplier.key,
          supplierName: current?.record.supplierName ?? row.supplier.name,
          invitation: current?.record.invitation ?? null,
          answer: { answeredOn: row.answeredOn, source: 'csv', answer: row.answer, setAside: null },
          withdrawnAt: null,
          createdAt: current?.record.createdAt ?? now,
        };
        return { write: record, result: { stored: true } };
      },
      seen,
    );
    return { line: row.line, outcome };
  });
  let accepted = 0;
  for (const { line, outcome } of outcomes) {
    if (outcome.stored) accepted += 1;
    else rejected.push({ line, reason: outcome.reason });
  }
  return accepted;
}
