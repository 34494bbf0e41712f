import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { MappingProfileSchema } from '../../../shared/domain/formats/mapping-profile.ts';
import { PROFILES, UNKNOWN_ROWS } from '../../fixtures/built/mapping-files.ts';
import { paymentsOfMonths, syntheticInfluenceableShare } from '../../integration/helpers.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { analyzeFiles, parseDelimited, workDir, writeInput } from '../formats/support.ts';
import { DROP_ZONE_OUTLINE, FOCUSED_ELEMENT } from './in-page-checks.ts';
import {
  closePortal,
  dropFile,
  expectAccessible,
  openPortal,
  type PortalSession,
  screenshot,
  signIn,
} from './support.ts';

/** Real files: DECP's own schema example (two older versions set aside) and Isère's 2019 contracts. */
const SCHEMA_EXAMPLE = join(repoRoot, 'tests/fixtures/real/decp-table-schema-example.csv');
const ISERE_JSON = join(repoRoot, 'tests/fixtures/real/decp-v1-isere-2019.json');
/** The sample anchor: its synthetic payments are loaded by serve, so its reports have suppliers to correct. */
const REGIE = 'SYNTHETIC-regie-eaux-grenoble';
/**
 * The consortium administrators' sign-in: a DECP extract names every buyer, so only they may upload it
 * (the régie's upload of one would have each line rejected), as `ancrage analyze` does for `expected`.
 */
const CONSORTIUM = 'consortium';
const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * SYNTHETIC payments (made-up suppliers) under French headers no format's alias list holds: read by
 * inference, the net amount preferred to the gross one.
 */
const INFERRED_NAME = 'Relevé créanciers 2024.csv';
const INFERRED_ROWS = [
  ['Atelier Synthétique Morel', '2 400,00', '2 880,00', '05/03/2024', '38000'],
  ['Fromagerie Synthétique des Alpes', '815,20', '978,24', '12/03/2024', '38100'],
  ['Jardins Synthétiques du Grésivaudan', '1 030,50', '1 236,60', '19/03/2024', '38400'],
] as const;
const inferredFile = () =>
  `${['Créancier;Somme HT;Somme TTC;Réglé le;Code postal', ...INFERRED_ROWS.map((row) => row.join(';'))].join('\n')}\n`;
/** The same SYNTHETIC rows as the mapping profile fixtures, under headers inference cannot read with confidence. */
const UNSURE_HEADER = ['Intitulé', 'Valeur', 'Jour', 'Zone'];
const unsureFile = () => `${[UNSURE_HEADER, ...UNKNOWN_ROWS].map((row) => row.join('|')).join('\n')}\n`;
const UNSURE_PROFILE = {
  ...PROFILES.pipe,
  columns: { supplierName: 'Intitulé', amount: 'Valeur', date: 'Jour', supplierPostcode: 'Zone' },
};

let session: PortalSession;
/** The CLI's figures, computed first: `analyze` points the handlers at its own emulators while it runs. */
let expected: {
  schemaExample: DatasetRecord;
  isere: DatasetRecord;
  inferred: DatasetRecord;
  unknownLayout: DatasetRecord;
};
let inferredPath: string;
let unknownLayoutPath: string;
/** The consortium's upload of the DECP schema example: its page's address, `#/datasets/<id>`. */
let consortiumDatasetHref: string;

/**
 * SYNTHETIC suppliers no registry knows (made-up names), more than a page of them, in no order of
 * amount; two of them paid the same, so that their names order them.
 */
const UNKNOWN_SUPPLIERS = [
  // 17 is prime to 31: amounts 1–30 hundred euros, each once, in a shuffled order.
  ...Array.from({ length: 30 }, (_, index) => ({
    name: `Fournisseur Synthétique ${String(index + 1).padStart(2, '0')}`,
    cents: (((index + 1) * 17) % 31) * 10_000 + 50,
  })),
  { name: 'Zèbre Synthétique', cents: 1_234_500 },
  { name: 'Abeille Synthétique', cents: 1_234_500 },
];
const unknownSuppliersFile = () => {
  const rows = UNKNOWN_SUPPLIERS.map(
    ({ name, cents }, index) =>
      `2025-98${String(index).padStart(3, '0')};15/04/2025;${name};;38000;Grenoble;France;611;Contrats de prestations de services;${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`,
  );
  const header = 'N° mandat;Date mandat;Tiers;SIRET;Code postal;Ville;Pays;Nature;Libellé nature;Montant TTC';
  return `${[header, ...rows].join('\r\n')}\r\n`;
};

/** What `ancrage analyze` counts for a file: the figures the portal must show. */
async function cliCounts(path: string, mapping?: unknown): Promise<DatasetRecord> {
  const result = await analyzeFiles([path], mapping ? { mapping: MappingProfileSchema.parse(mapping) } : {});
  const [dataset] = result.datasets;
  if (!dataset) throw new Error(`analyze made no dataset of ${path}`);
  return dataset;
}

beforeAll(async () => {
  inferredPath = writeInput(workDir(), INFERRED_NAME, inferredFile());
  unknownLayoutPath = writeInput(workDir(), 'export-regie.txt', unsureFile());
  expected = {
    schemaExample: await cliCounts(SCHEMA_EXAMPLE),
    isere: await cliCounts(ISERE_JSON),
    inferred: await cliCounts(inferredPath),
    unknownLayout: await cliCounts(unknownLayoutPath, UNSURE_PROFILE),
  };
  session = await openPortal();
}, 180_000);

afterAll(async () => {
  await closePortal(session);
});

const statusLine = () => session.page.getByTestId('status-line');
const count = (name: string) => session.page.getByTestId(`count-${name}`).textContent();
const euros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe('the portal under ancrage serve, in Chromium', () => {
  it('asks to sign in, in French, and signs in as the consortium, whose files count for every buyer', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page, 'sign-in');
    await signIn(session.page, 'admin@consortium.example', CONSORTIUM);
    expect(await page.getByTestId('consortium-wide').textContent()).toBe(
      'Les fichiers déposés ici comptent pour chaque acheteur qu’ils nomment.',
    );
    // Signed in as the consortium itself, there is nothing to choose: every file is consortium-wide.
    expect(await page.getByRole('radio').count()).toBe(0);
  });

  it('shows what a dropped file is before upload, then follows it to INGESTED with the CLI’s counts', async () => {
    const { page } = session;
    await dropFile(page, 'decp-table-schema-example.csv', await readFile(SCHEMA_EXAMPLE), 'text/csv');
    const detection = page.getByTestId('detection');
    await detection.waitFor();
    const facts = await detection.locator('dl').textContent();
    expect(facts).toContain('utf-8');
    expect(facts).toContain('virgule (,)');
    expect(facts).toContain('decp-flat-csv');
    expect(await detection.locator('pre').textContent()).toMatch(/^id,uid,acheteur_id/);
    expect(await detection.getByRole('table', { name: 'Colonnes reconnues' }).textContent()).toContain(
      'montant',
    );
    await expectAccessible(page, 'detected');
    await screenshot(page, 'detected');

    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    expect(await statusLine().textContent()).toBe(`decp-table-schema-example.csv${NBSP}: Intégré`);
    expect(await page.locator('progress.upload-progress').getAttribute('value')).toBe('1');
    expect(await count('accepted')).toBe(String(expected.schemaExample.lines));
    expect(await count('rejected')).toBe(String(expected.schemaExample.rejectedLines));
    // Its two older contract versions are set aside: said apart from the rejected lines.
    expect(expected.schemaExample.setAsideLines).toBe(2);
    expect(await count('set-aside')).toBe(String(expected.schemaExample.setAsideLines));
    expect(await count('amount')).toBe(`21${NNBSP}800,10${NBSP}€`);
    // How its money ties out, as the CLI's reconciliation says: the older versions' amounts set aside.
    const reconciliation = expected.schemaExample.reconciliation;
    if (!reconciliation) throw new Error('analyze gave the schema example no reconciliation');
    const [olderVersions] = reconciliation.setAside;
    expect(olderVersions).toMatchObject({ kind: 'older-version', lines: 2 });
    const tiesOut = page.getByTestId('reconciliation');
    expect(await tiesOut.getByTestId('control-total').textContent()).toBe(euros(reconciliation.controlCents));
    const setAsideRow = tiesOut.locator('tr', { hasText: 'versions antérieures d’un marché' });
    expect(await setAsideRow.locator('td').allTextContents()).toEqual([
      '2',
      euros(olderVersions?.cents ?? Number.NaN),
    ]);
    expect(
      await tiesOut.locator('tr', { hasText: 'Dépenses comptées' }).locator('td').allTextContents(),
    ).toEqual([String(expected.schemaExample.lines), `21${NNBSP}800,10${NBSP}€`]);
    await page.getByTestId('unmatched').waitFor();
    const unmatched = await page.getByTestId('unmatched').textContent();
    expect(unmatched).toContain('Colin Maudry');
    expect(unmatched).toContain('Datactivist');
    await expectAccessible(page, 'ingested');
    await screenshot(page, 'ingested');
  });

  it('downloads the lines not counted, each with its line number, status, reason and amount', async () => {
    const { page } = session;
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-rejects').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('decp-table-schema-example.csv.rejects.csv');
    const path = await download.path();
    const rows = parseDelimited(await readFile(path, 'utf8'), ';');
    // A French reader downloads it in French: headers, statuses, reasons and decimal commas.
    expect(rows[0]).toEqual(['ligne', 'statut', 'raison', 'montant', 'contenu', 'code', 'params']);
    expect(rows.slice(1).map(([line, status]) => [line, status])).toEqual([
      ['2', 'écartée'],
      ['3', 'écartée'],
    ]);
    const inFrench =
      'une version antérieure de ce marché (donneesActuelles = non)\u00A0: sa version actuelle est comptée à sa place';
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe(inFrench);
      expect(row[5]).toBe('older-version');
    }
    const amounts = rows.slice(1).map((row) => Math.round(Number(row[3]?.replace(',', '.')) * 100));
    // What the reconciliation sets aside is what these lines state.
    expect(amounts.reduce((sum, cents) => sum + cents, 0)).toBe(
      expected.schemaExample.reconciliation?.setAside[0]?.cents,
    );
    // The table on the page says the same, in French.
    const shown = page.getByRole('table', { name: /Lignes non comptées/ });
    const cells = await shown
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent)),
      );
    expect(cells).toEqual(
      rows.slice(1).map(([line], index) => [line, 'écartée', inFrench, euros(amounts[index] ?? 0)]),
    );
  });

  it('gives each upload a page of its own, which its address opens in another tab', async () => {
    const { page, context, portal } = session;
    consortiumDatasetHref = (await page.getByTestId('dataset-link').getAttribute('href')) ?? '';
    expect(consortiumDatasetHref).toMatch(/^#\/datasets\/[a-f0-9]{24}$/);
    // The list of uploads links the file to the same page.
    const listed = page
      .getByRole('table', { name: 'Vos derniers dépôts' })
      .getByRole('link', { name: 'decp-table-schema-example.csv' });
    expect(await listed.getAttribute('href')).toBe(consortiumDatasetHref);

    // A colleague opens the address: what the upload page showed after the upload, and no upload form.
    const colleague = await context.newPage();
    try {
      await colleague.goto(`${portal.url}${consortiumDatasetHref}`);
      await colleague
        .getByRole('heading', { level: 1, name: /^Dépôt\s*: decp-table-schema-example\.csv$/ })
        .waitFor();
      expect(await colleague.getByTestId('status-line').textContent()).toBe(
        `decp-table-schema-example.csv${NBSP}: Intégré`,
      );
      const shown = (name: string) => colleague.getByTestId(`count-${name}`).textContent();
      expect(await shown('accepted')).toBe(String(expected.schemaExample.lines));
      expect(await shown('set-aside')).toBe(String(expected.schemaExample.setAsideLines));
      expect(await colleague.getByTestId('control-total').textContent()).toBe(
        euros(expected.schemaExample.reconciliation?.controlCents ?? Number.NaN),
      );
      await colleague.getByTestId('unmatched').waitFor();
      expect(await colleague.getByTestId('unmatched').textContent()).toContain('Datactivist');
      const rejects = colleague.getByRole('table', { name: /Lignes non comptées/ });
      expect(await rejects.locator('tbody tr').count()).toBe(2);
      expect(await colleague.getByTestId('download-rejects').count()).toBe(1);
      expect(await colleague.getByTestId('drop-zone').count()).toBe(0);
      expect(await colleague.getByTestId('dataset-link').count()).toBe(0);
      await expectAccessible(colleague, 'dataset-page');
    } finally {
      await colleague.close();
    }
  });

  it('says a copy of a file already counted is read, not counted, and names the file that counts it', async () => {
    const { page } = session;
    const copy = writeInput(workDir(), 'copie-marches.csv', await readFile(SCHEMA_EXAMPLE));
    await page.getByRole('button', { name: 'Déposer un autre fichier' }).click();
    await page.locator('#file-input').setInputFiles(copy);
    await page.getByTestId('detection').waitFor();
    await page.getByTestId('send').click();
    await page.locator('.status-not-counted').waitFor({ timeout: 30_000 });
    expect(await statusLine().textContent()).toBe(`copie-marches.csv${NBSP}: Lu, non compté`);
    const note = page.getByTestId('counted-elsewhere');
    expect(await note.textContent()).toContain('decp-table-schema-example.csv');
    expect(await note.getAttribute('class')).toBe('note');
    // Not an error: nothing on the status is red, and no figure suggests it was counted.
    expect(await page.getByTestId('status').locator('.error').count()).toBe(0);
    expect(await page.getByTestId('count-accepted').count()).toBe(0);
    expect(await page.getByTestId('reconciliation').count()).toBe(0);
    await expectAccessible(page, 'duplicate');
    await screenshot(page, 'duplicate');
  });

  it('uploads with the keyboard only: tab to the drop zone, Enter opens the file picker, Enter sends', async () => {
    const { page } = session;
    // Listening before anything else: Playwright turns the picker's interception on asynchronously,
    // and a picker opened before that shows nothing and fires no event.
    const choosing = page.waitForEvent('filechooser', { timeout: 20_000 }).catch(() => undefined);
    await page.getByRole('link', { name: 'Déposer un fichier' }).click();
    await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
    const tabTo = async (target: RegExp) => {
      for (let presses = 0; presses < 30; presses++) {
        await page.keyboard.press('Tab');
        const focused = String(await page.evaluate(FOCUSED_ELEMENT));
        if (target.test(focused)) return focused;
      }
      throw new Error(`tabbing never reached ${target}`);
    };
    await tabTo(/^input\|file-input\|file\|/);
    // The focus shows on the drop zone around the (visually hidden) input.
    expect(await page.evaluate(DROP_ZONE_OUTLINE)).toBe('solid');
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    if (!chooser)
      throw new Error(`Enter opened no file picker; the focus is on ${await page.evaluate(FOCUSED_ELEMENT)}`);
    await chooser.setFiles(ISERE_JSON);
    await page.getByTestId('detection').waitFor();
    expect(await page.getByTestId('detection').locator('dl').textContent()).toContain('DECP JSON');
    await tabTo(/^button\|\|button\|Envoyer le fichier\|/);
    await page.keyboard.press('Enter');
    // The consortium's bundled sample holds these very contracts, uploaded earlier: they count there, once.
    await page.locator('.status-superseded').waitFor({ timeout: 30_000 });
    expect(await statusLine().textContent()).toBe(`decp-v1-isere-2019.json${NBSP}: Remplacé`);
    expect(await page.getByTestId('counted-elsewhere').textContent()).toContain(
      'decp-isere-2019-flattened.csv',
    );
    expect(await page.getByTestId('live').textContent()).toContain('Remplacé');
    // Read all the same: the list of uploads gives its lines, as the CLI counts them.
    const listed = page
      .getByRole('table', { name: 'Vos derniers dépôts' })
      .locator('tbody tr', { hasText: 'decp-v1-isere-2019.json' });
    await listed.waitFor();
    expect((await listed.locator('td').allTextContents()).slice(2)).toEqual([
      'Remplacé',
      String(expected.isere.lines),
      String(expected.isere.rejectedLines),
    ]);
  });

  it('signs in again as the régie, an institution whose files count for it alone, with no choice to make', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await signIn(session.page, 'agent@regie.example', REGIE);
    // Only a consortium administrator chooses whose figures a file feeds, or is told it feeds everyone's.
    expect(await page.getByTestId('scope-choice').count()).toBe(0);
    expect(await page.getByTestId('consortium-wide').count()).toBe(0);
    // Its own uploads are listed, not those of the consortium made above.
    const recent = page.getByRole('table', { name: 'Vos derniers dépôts' });
    await recent.waitFor();
    const listed = await recent.textContent();
    expect(listed).toContain('SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
    expect(listed).not.toContain('decp-table-schema-example.csv');
  });

  it('finds no page at the address of another institution’s upload, exactly as at an unknown one', async () => {
    const { context, portal } = session;
    const opened = async (href: string) => {
      const tab = await context.newPage();
      try {
        await tab.goto(`${portal.url}${href}`);
        await tab.getByTestId('dataset-not-found').waitFor();
        return await tab.locator('main').textContent();
      } finally {
        await tab.close();
      }
    };
    const foreign = await opened(consortiumDatasetHref);
    expect(foreign).toContain('Dépôt introuvable');
    expect(foreign).not.toContain('decp-table-schema-example.csv');
    expect(foreign).toBe(await opened(`#/datasets/${'f'.repeat(24)}`));
  });

  it('corrects a supplier with a reason, shows the audit, and the rebuilt report changes', async () => {
    const { page } = session;
    await session.portal.idle();
    await page.getByRole('link', { name: 'Rapports' }).click();
    const ownReport = page
      .locator('tr', { hasText: `Institution${NBSP}:` })
      .filter({ hasText: 'Paiements' })
      .filter({ hasText: 'français' });
    await ownReport.first().waitFor();
    const shareBefore = await ownReport.getByTestId('local-share').textContent();

    await page.getByRole('link', { name: 'Fournisseurs' }).click();
    await page.getByLabel('Rechercher un fournisseur').fill('Assurances Mutuelles');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: /Assurances Mutuelles Atlantique/ }).click();
    const profile = page.getByTestId('supplier-profile');
    await profile.getByRole('heading', { level: 1 }).waitFor();
    expect(await profile.getByRole('table').textContent()).toContain('Fichier déposé');
    // The 28 lines behind its figure, 25 to a page: the next 3 with the keyboard, and back.
    const lines = page.getByTestId('supplier-lines');
    const file = 'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv';
    const linesTable = lines.getByRole('table', { name: `${file}${NBSP}: lignes 1 à 25 sur 28` });
    await linesTable.waitFor();
    expect(await linesTable.locator('tbody tr').count()).toBe(25);
    expect(await linesTable.locator('tbody tr').first().textContent()).toMatch(/€/);
    await lines.getByRole('button', { name: `Lignes suivantes de ${file}` }).focus();
    await page.keyboard.press('Enter');
    const lastPage = lines.getByRole('table', { name: `${file}${NBSP}: lignes 26 à 28 sur 28` });
    await lastPage.waitFor();
    expect(await lastPage.locator('tbody tr').count()).toBe(3);
    expect(await lines.getByRole('button', { name: /Lignes suivantes/ }).count()).toBe(0);
    await lines.getByRole('button', { name: `Lignes précédentes de ${file}` }).click();
    await linesTable.waitFor();
    await page.getByLabel('Code commune INSEE de l’établissement').fill('38185');
    await page
      .getByLabel('Raison de la correction')
      .fill('Agence de Grenoble qui assure le contrat depuis 2024');
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    const audit = page.getByTestId('audit');
    await audit.locator('li').first().waitFor();
    const entry = await audit.locator('li').first().textContent();
    expect(entry).toContain('agent@regie.example');
    expect(entry).toContain('38185');
    expect(entry).toContain('Agence de Grenoble qui assure le contrat depuis 2024');
    expect(await profile.getByRole('table').textContent()).toContain('Correction manuelle');
    await expectAccessible(page, 'supplier');
    await screenshot(page, 'supplier');

    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByTestId('rebuild').click();
    await page
      .getByTestId('rebuild-status')
      .filter({ hasText: 'Rapports reconstruits.' })
      // The rebuild waits behind those the earlier uploads started: on a busy machine, a while.
      .waitFor({ timeout: 65_000 });
    // Its share of the régie's influenceable spend now counts as local: the headline moves by as much.
    const shareAfter = await ownReport.getByTestId('local-share').textContent();
    const percent = (text: string | null) =>
      Number(
        String(text)
          .replace(/[^\d,]/g, '')
          .replace(',', '.'),
      );
    expect(percent(shareAfter) - percent(shareBefore)).toBeCloseTo(
      100 * syntheticInfluenceableShare('Assurances Mutuelles Atlantique'),
      0,
    );
    await expectAccessible(page, 'reports');
    await screenshot(page, 'reports');
    const opening = page.waitForEvent('popup');
    await ownReport.getByRole('link', { name: /Ouvrir/ }).click();
    const report = await opening;
    await report.waitForLoadState();
    expect(await report.locator('body').textContent()).toContain(String(shareAfter));
    await report.close();
    // Back to the portal's tab for the tests that follow.
    await page.bringToFront();
  }, 120_000);

  it('reads a file whose columns no format names, says how, ingests it, then saves the reading as a profile', async () => {
    const { page } = session;
    expect(expected.inferred.format).toBe('inferred');
    await page.getByRole('link', { name: 'Déposer un fichier' }).click();
    await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
    await page.locator('#file-input').setInputFiles(inferredPath);
    const detection = page.getByTestId('detection');
    const reading = detection.getByRole('table', {
      name: 'Colonnes reconnues d’après leurs noms et leurs contenus',
    });
    await reading.waitFor();
    const rows = await reading
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
      );
    expect(rows.map(([field, column]) => [field, column])).toEqual([
      ['Nom du fournisseur', 'Créancier'],
      ['Montant', 'Somme HT'],
      ['Date', 'Réglé le'],
      ['Code postal du fournisseur', 'Code postal'],
    ]);
    const [, , score, next, settled] = rows[1] ?? [];
    expect(score).toMatch(/^\d+\s%$/);
    expect(next).toMatch(/^«\u00A0Somme TTC\u00A0» \(\d+\s%\)$/);
    expect(settled).toContain('la dépense s’entend hors TVA');
    expect(await page.getByTestId('reading-note').textContent()).toContain(
      'Vous pouvez confirmer cette lecture ou la modifier',
    );
    await expectAccessible(page, 'inferred');
    await screenshot(page, 'inferred');

    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    expect(await count('accepted')).toBe(String(INFERRED_ROWS.length));
    expect(await count('accepted')).toBe(String(expected.inferred.lines));
    expect(await count('amount')).toBe(`4${NNBSP}245,70${NBSP}€`);
    // Every line counted: a sentence says so, not an empty table with a download of nothing.
    expect([expected.inferred.rejectedLines, expected.inferred.setAsideLines]).toEqual([0, 0]);
    expect(await page.getByTestId('no-rejects').textContent()).toBe(
      'Aucune ligne rejetée ni écartée : toutes les lignes du fichier sont comptées.',
    );
    expect(await page.getByRole('table', { name: /Lignes non comptées/ }).count()).toBe(0);
    expect(await page.getByTestId('download-rejects').count()).toBe(0);
    const readAs = page.getByTestId('column-reading');
    const readAsText = (await readAs.textContent()) ?? '';
    expect(readAsText).toMatch(
      /^Colonnes lues comme\u00A0: nom du fournisseur ← «\u00A0Créancier\u00A0» \(\d+\u00A0%\)/,
    );
    expect(readAsText).toContain('montant ← «\u00A0Somme HT\u00A0»');
    expect(await readAs.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Montant\u00A0: «\u00A0Somme HT\u00A0» préférée à «\u00A0Somme TTC\u00A0»/),
    ]);
    await expectAccessible(page, 'inferred-ingested');

    // The same file again, its reading confirmed from the form it fills in, saved for next month.
    await page.getByRole('button', { name: 'Déposer un autre fichier' }).click();
    await page.locator('#file-input').setInputFiles(inferredPath);
    await page.getByRole('button', { name: 'Confirmer ou modifier cette lecture' }).click();
    const mapping = page.getByTestId('mapping');
    await mapping.waitFor();
    const chosen = (label: string) => mapping.getByLabel(label, { exact: true }).inputValue();
    expect(await chosen('Nom du fournisseur')).toBe('Créancier');
    expect(await chosen('Montant')).toBe('Somme HT');
    expect(await chosen('Date')).toBe('Réglé le');
    expect(await chosen('Code postal du fournisseur')).toBe('Code postal');
    expect(await chosen('SIRET / SIREN du fournisseur')).toBe('');
    expect(await chosen('Séparateur décimal')).toBe(',');
    expect(await chosen('Devise')).toBe('EUR');
    expect(await chosen('Nom du profil')).toBe('Relevé créanciers 2024');
    expect(await chosen('Identifiant du profil')).toBe('releve-creanciers-2024');
    await expectAccessible(page, 'mapping-from-reading');
    await mapping.getByRole('button', { name: /Enregistrer le profil/ }).click();
    await page.getByText('Reconnu grâce à votre profil de correspondance').waitFor();
    // Saved for the institution: a fresh page, as next month's upload opens it, recognises the file.
    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByRole('heading', { name: 'Rapports publiés' }).waitFor();
    await page.getByRole('link', { name: 'Déposer un fichier' }).click();
    await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Vos derniers dépôts' }).waitFor();
    await page.locator('#file-input').setInputFiles(inferredPath);
    await page.getByText('Reconnu grâce à votre profil de correspondance').waitFor();
    expect(await page.getByTestId('detection').locator('dl').textContent()).toContain(
      'mapping:releve-creanciers-2024',
    );
    expect(await page.getByTestId('confirm-reading').count()).toBe(0);
  });

  it('maps a file inference cannot read with confidence, from its best guess, and ingests with the profile', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByRole('heading', { name: 'Rapports publiés' }).waitFor();
    await page.getByRole('link', { name: 'Déposer un fichier' }).click();
    await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
    await page.locator('#file-input').setInputFiles(unknownLayoutPath);
    const mapping = page.getByTestId('mapping');
    await mapping.waitFor();
    const detection = await page.getByTestId('detection').textContent();
    expect(detection).toContain('barre verticale (|)');
    expect(detection).toContain('la meilleure lecture était');
    expect(await mapping.textContent()).toContain('Le formulaire part de la meilleure lecture trouvée');
    // The form starts from inference's guess: who was paid and how much, the postcode; not the date.
    const chosen = (label: string) => mapping.getByLabel(label, { exact: true }).inputValue();
    expect(await chosen('Ligne d’en-tête')).toBe('0');
    expect(await chosen('Nom du fournisseur')).toBe('Intitulé');
    expect(await chosen('Montant')).toBe('Valeur');
    expect(await chosen('Code postal du fournisseur')).toBe('Zone');
    expect(await chosen('Date')).toBe('');
    expect(await chosen('Identifiant du profil')).toBe('export-regie');
    await mapping.getByLabel('Date', { exact: true }).selectOption('Jour');
    await mapping.getByLabel('Nom du profil').fill('Régie, export pipe');
    await mapping.getByLabel('Identifiant du profil').fill('regie-pipe');
    await expectAccessible(page, 'mapping');
    await screenshot(page, 'mapping');
    await mapping.getByRole('button', { name: /Enregistrer le profil/ }).click();
    await page.getByText('Reconnu grâce à votre profil de correspondance').waitFor();
    expect(await page.getByTestId('sample-summary').textContent()).toContain(
      `${UNKNOWN_ROWS.length} lignes acceptées`,
    );
    // Said once: the table of those lines is named for what it holds, not captioned with the counts again.
    const detected = page.getByTestId('detection');
    expect(await detected.getByText(/premiers enregistrements/).count()).toBe(1);
    expect(
      await detected.getByRole('table', { name: 'Lignes qui seraient comptées' }).locator('tbody tr').count(),
    ).toBe(UNKNOWN_ROWS.length);
    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    expect(await count('accepted')).toBe(String(expected.unknownLayout.lines));
    // The dataset names the profile by its id, in the reader's language.
    expect(await count('format')).toBe('profil de correspondance «\u00A0regie-pipe\u00A0»');
    expect(await page.getByTestId('column-reading').count()).toBe(0);
  });

  it('says which counted file holds part of the same spend as a new upload', async () => {
    const { page } = session;
    // January of the sample serve loaded for this anchor, plus one payment it does not have (made up,
    // like the sample): part of the spend is in both files, so both count and the page says so.
    const january = paymentsOfMonths('janvier', ['01']);
    const extra =
      '2025-99001;20/01/2025;Coopérative Nouvelle SCOP;;38000;Grenoble;France;611;Contrats de prestations de services;1 234,56';
    // A date that cannot be: the line is counted all the same, and flagged.
    const undated =
      '2025-99002;31/02/2025;Coopérative Nouvelle SCOP;;38000;Grenoble;France;611;Contrats de prestations de services;99,99';
    const path = writeInput(workDir(), 'mandats-janvier.csv', `${january.text}${extra}\r\n${undated}\r\n`);
    await page.getByRole('button', { name: 'Déposer un autre fichier' }).click();
    await page.locator('#file-input').setInputFiles(path);
    await page.getByTestId('detection').waitFor();
    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    const overlaps = page.getByTestId('overlaps');
    await overlaps.waitFor();
    const text = (await overlaps.textContent()) ?? '';
    expect(text).toContain('SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
    expect(text).toContain(euros(january.cents));
    const flagged = page.getByTestId('flags').locator('tr', { hasText: 'sans date lisible' });
    expect(await flagged.locator('td').allTextContents()).toEqual(['1', `99,99${NBSP}€`]);
    await expectAccessible(page, 'overlaps');
  });

  it('pages the suppliers no registry knows, largest amount first, in French and in English', async () => {
    const { page } = session;
    const path = writeInput(workDir(), 'fournisseurs-a-identifier.csv', unknownSuppliersFile());
    await page.getByRole('button', { name: 'Déposer un autre fichier' }).click();
    await page.locator('#file-input').setInputFiles(path);
    await page.getByTestId('detection').waitFor();
    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    const largestFirst = [...UNKNOWN_SUPPLIERS]
      .sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name, 'fr'))
      .map(({ name, cents }) => [name, euros(cents)]);
    expect(largestFirst.slice(0, 2).map(([name]) => name)).toEqual([
      'Abeille Synthétique',
      'Zèbre Synthétique',
    ]);
    const unmatched = page.getByTestId('unmatched');
    const caption = (range: string) =>
      `Fournisseurs non identifiés, du plus gros montant au plus petit${NBSP}: ${range} sur 32`;
    const namesAndAmounts = (range: string) =>
      unmatched
        .getByRole('table', { name: caption(range) })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
        )
        .then((rows) => rows.map(([name, , amount]) => [name, amount]));
    await unmatched.getByRole('table', { name: caption('1 à 25') }).waitFor();
    expect(await unmatched.textContent()).toContain('32 fournisseur(s) sans donnée de registre');
    expect(await namesAndAmounts('1 à 25')).toEqual(largestFirst.slice(0, 25));
    await unmatched.getByRole('button', { name: 'Fournisseurs non identifiés suivants' }).click();
    await unmatched.getByRole('table', { name: caption('26 à 32') }).waitFor();
    expect(await namesAndAmounts('26 à 32')).toEqual(largestFirst.slice(25));
    expect(await unmatched.getByRole('button', { name: /suivants/ }).count()).toBe(0);
    await expectAccessible(page, 'unmatched-last-page');

    // The same page in English, and back to the first.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const inEnglish = (range: string) =>
      unmatched.getByRole('table', {
        name: `Suppliers not identified, largest amount first: ${range} of 32`,
      });
    await inEnglish('26 to 32').waitFor();
    expect(await page.getByTestId('no-rejects').textContent()).toBe(
      'No line rejected or set aside: every line of the file is counted.',
    );
    await unmatched.getByRole('button', { name: 'Previous suppliers not identified' }).click();
    await inEnglish('1 to 25').waitFor();
    expect(await unmatched.getByRole('button', { name: /previous/i }).count()).toBe(0);
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await unmatched.getByRole('table', { name: caption('1 à 25') }).waitFor();
  });

  it('switches to English, keeps the choice, and formats numbers the English way', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Reports' }).click();
    const ownReport = page.locator('tr', { hasText: 'Institution:' }).filter({ hasText: 'French' });
    await ownReport.first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Published reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Upload a file' }).count()).toBe(1);
    await expectAccessible(page, 'reports-en');
    await screenshot(page, 'reports-en');
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.getByRole('heading', { name: 'Rapports publiés' }).waitFor();
  });

  it('made no request outside the portal and broke no content-security rule', async () => {
    const origin = new URL(session.portal.url).origin;
    const outside = session.requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
    // The first visit asks who is signed in and gets 401 before the sign-in: the only error expected.
    const errors = session.errors.filter((text) => !/status of 401/.test(text));
    expect(errors).toEqual([]);
    await writeFile(join(repoRoot, 'test-artifacts/portal/requests.txt'), `${session.requests.join('\n')}\n`);
  });
});
