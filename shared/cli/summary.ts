import { join } from 'node:path';
import type { AnalyzeResult } from './analyze.ts';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

/** Says which file counts a superseded one's spend instead. */
function supersededNote(result: AnalyzeResult, dataset: AnalyzeResult['datasets'][number]): string {
  if (dataset.status !== 'SUPERSEDED') return '';
  const by = result.datasets.find((other) => other.id === dataset.supersededBy);
  return `; not counted: all its spend is in ${by?.fileName ?? `dataset ${dataset.supersededBy}`}`;
}

/** The few lines printed after a run: what was read, what was rejected, the headline, where to look. */
export function summarise(result: AnalyzeResult): string {
  const { report } = result;
  const local = report.byRing.find((band) => band.ring === report.headline.localRing);
  const lines = [
    ...result.facts.map(
      (loaded) =>
        `${loaded.name} (${loaded.file}): ${loaded.rows} rows, ${loaded.facts} facts stored, ${loaded.rejectedRows} rejected`,
    ),
    `${report.datasets.length} dataset(s), ${report.kind}, ${report.period.from ?? '?'} → ${report.period.to ?? '?'}`,
    ...result.datasets.map(
      (dataset) =>
        `  ${dataset.fileName}: ${dataset.lines} lines accepted, ${dataset.rejectedLines} rejected${dataset.setAsideLines > 0 ? `, ${dataset.setAsideLines} older contract versions set aside` : ''} (${dataset.format}, ${dataset.encoding})${supersededNote(result, dataset)}`,
    ),
    `total ${money(report.totals.gross, report.currency)}, influenceable ${money(report.totals.influenceable, report.currency)}, ${report.totals.suppliers} suppliers`,
    `local share (${local?.label ?? report.headline.localRing}): ${percent(report.headline.localShare)} = ${money(report.headline.localAmount, report.currency)}; locality known for ${percent(report.headline.knownLocalityShare)}`,
    `report: ${join(result.outDir, 'report.html')}`,
  ];
  if (result.datasets.some((dataset) => dataset.rejectedLines > 0)) {
    lines.push(`rejected lines, with line numbers and reasons: ${join(result.outDir, 'rejects')}`);
  }
  return `${lines.join('\n')}\n`;
}
