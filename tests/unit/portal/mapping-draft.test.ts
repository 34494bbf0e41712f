import { describe, expect, it } from 'vitest';
import { detectFile } from '../../../portal/src/detect/detect-file.ts';
import { mappingDraft, profileIdOf } from '../../../portal/src/pages/upload/mapping-draft.ts';
import { MappingProfileSchema } from '../../../shared/domain/formats/mapping-profile.ts';
import { UNSURE_FILE } from '../../fixtures/built/mapping-files.ts';

/** SYNTHETIC: French headers no format's alias list holds, below a title line (made-up suppliers). */
const INFERRED_FILE = [
  'Relevé des paiements — SYNTHETIC',
  'Créancier;Somme versée;Réglé le;Code postal;Observations',
  'Menuiserie Durand;1 250,00;03/02/2024;38000;',
  'Imprimerie du Drac;310,45;10/02/2024;38600;acompte',
  'Traiteur Bastille;-20,00;11/02/2024;38000;',
  '',
].join('\n');

const detect = (text: string, fileName: string) => detectFile(new Blob([text]), fileName);

describe('the profile id a file name suggests', () => {
  it.each([
    ['Mandats mars 2025.csv', 'mandats-mars-2025'],
    ['Relevé_Fournisseurs (v2).CSV', 'releve-fournisseurs-v2'],
    ['__export__.txt', 'export'],
    ['archive.tar.gz', 'archive-tar'],
    ['sans-extension', 'sans-extension'],
    ['€€€.csv', ''],
    [`${'a'.repeat(70)}-b.csv`, 'a'.repeat(64)],
    [`${'a'.repeat(63)}-b.csv`, 'a'.repeat(63)],
  ])('%s → "%s"', (fileName, id) => {
    expect(profileIdOf(fileName)).toBe(id);
    if (id !== '') expect(MappingProfileSchema.shape.id.safeParse(id).success).toBe(true);
  });
});

describe('what the mapping form starts from', () => {
  it('an inferred reading: its columns, header line and layout, named after the file', async () => {
    const detection = await detect(INFERRED_FILE, 'Paiements régie mars.csv');
    expect(detection.format?.id).toBe('inferred');
    const draft = mappingDraft(detection);
    expect(draft).toEqual({
      headerRow: 1,
      columns: {
        supplierName: 'Créancier',
        amount: 'Somme versée',
        date: 'Réglé le',
        supplierPostcode: 'Code postal',
        description: 'Observations',
      },
      kind: 'payments',
      currency: 'EUR',
      decimal: ',',
      dateFormat: 'dd/mm/yyyy',
      label: 'Paiements régie mars',
      id: 'paiements-regie-mars',
    });
  });

  it('confirmed as it is, a profile that reads the file as inference did', async () => {
    const detection = await detect(INFERRED_FILE, 'Paiements régie mars.csv');
    const { headerRow: _, ...draft } = mappingDraft(detection);
    const profile = MappingProfileSchema.parse({ version: 1, ...draft, delimiter: detection.delimiter });
    const byProfile = await detectFile(new Blob([INFERRED_FILE]), 'Paiements régie mars.csv', { profile });
    expect(byProfile.format?.id).toBe('mapping:paiements-regie-mars');
    expect(byProfile.accepted).toEqual(detection.accepted);
    expect(byProfile.rejected).toEqual(detection.rejected);
  });

  it('a file refused with a best guess: the guessed columns and header line, the layout its cells suggest', async () => {
    const detection = await detect(UNSURE_FILE, 'export.csv');
    expect(detection.format).toBeUndefined();
    expect(mappingDraft(detection)).toEqual({
      headerRow: 2,
      columns: { supplierName: 'Intitulé', amount: 'Valeur', supplierPostcode: 'Zone' },
      kind: 'payments',
      currency: 'EUR',
      decimal: ',',
      dateFormat: 'dd/mm/yyyy',
      label: 'export',
      id: 'export',
    });
  });

  it('a file nothing reads: the first filled row, no column, the form’s own defaults', async () => {
    const detection = await detect('\nune note\nune autre\n', 'notes.txt');
    expect(detection.bestGuess).toBeUndefined();
    expect(mappingDraft(detection)).toEqual({ headerRow: 1, columns: {}, label: 'notes', id: 'notes' });
  });

  it('a header decoded twice, named as repaired: the name a profile must give to match it', async () => {
    const mojibake = 'CrÃ©ancier;Somme versÃ©e;RÃ©glÃ© le\nMenuiserie Durand;1 250,00;03/02/2024\n';
    const detection = await detect(mojibake, 'export.csv');
    const { headerRow: _, ...draft } = mappingDraft(detection);
    expect(draft.columns).toEqual({ supplierName: 'Créancier', amount: 'Somme versée', date: 'Réglé le' });
    const profile = MappingProfileSchema.parse({ version: 1, ...draft, delimiter: ';' });
    const byProfile = await detectFile(new Blob([mojibake]), 'export.csv', { profile });
    expect(byProfile.accepted.map((line) => line.amountCents)).toEqual([125000]);
  });
});
