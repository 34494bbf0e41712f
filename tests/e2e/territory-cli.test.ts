import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TerritorySchema } from '../../shared/domain/territory/territory.ts';
import { runCli } from '../support/run-cli.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'ancrage-territory-'));
const readTerritory = (file: string) => TerritorySchema.parse(JSON.parse(readFileSync(file, 'utf8')));

/** A refusal as the README promises one: exit 2, one line, no stack trace. */
function expectRefused(run: { code: number; stderr: string }, line: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toEqual([`ancrage: ${line}`]);
}

describe('ancrage territory init', () => {
  it('Paris: rings that nest, the département ring being every département of the Grand Paris, and says so', async () => {
    const cwd = folder();
    const run = await runCli(['territory', 'init', '--commune', '75056'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const paris = readTerritory(join(cwd, 'paris.json'));
    expect(paris.rings.find((ring) => ring.id === 'departement')?.departements).toEqual([
      '75',
      '91',
      '92',
      '93',
      '94',
      '95',
    ]);
    expect(run.stdout).toContain(
      'wrote paris.json: Paris (id paris), rings commune ⊂ epci ⊂ departement ⊂ region ⊂ france, local ring "epci"',
    );
    expect(run.stdout).toMatch(
      /\nnote: the département ring holds the 6 départements Métropole du Grand Paris/,
    );

    const shown = await runCli(['territory', 'show', 'paris.json'], { cwd });
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain('warning');
  });

  it('refuses the id of a bundled territory, and takes --id instead', async () => {
    const cwd = folder();
    const refused = await runCli(['territory', 'init', '--epci', '243500139'], { cwd });
    expectRefused(
      refused,
      '"rennes-metropole" is the id of a bundled territory, with its own rings and targets, which a file of that id replaces wherever it is loaded: pass --id <another id>',
    );
    expect(existsSync(join(cwd, 'rennes-metropole.json'))).toBe(false);

    const named = await runCli(['territory', 'init', '--epci', '243500139', '--id', 'rennes-epci'], { cwd });
    expect(named.code).toBe(0);
    expect(readTerritory(join(cwd, 'rennes-epci.json')).id).toBe('rennes-epci');
    expect(named.stdout).toContain('--territory rennes-epci.json');
  });

  it.each([
    [['--epci', '243500139', '--id', 'oxford'], '"oxford" is the id of a bundled territory'],
    [
      ['--epci', '243500139', '--id', 'Rennes Epci'],
      '--id "Rennes Epci": a territory id is lower-case letters',
    ],
  ])('refuses --id %j', async (args, start) => {
    const run = await runCli(['territory', 'init', ...args], { cwd: folder() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^ancrage: ${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\n]*\n$`),
    );
  });

  it('never replaces a file already there', async () => {
    const cwd = folder();
    const out = join(cwd, 'isere.json');
    writeFileSync(out, '{"edited": true}\n');
    const run = await runCli(['territory', 'init', '--departement', '38', '--out', out]);
    expectRefused(run, `${out} already exists: pass --out <another file>, or remove it first`);
    expect(readFileSync(out, 'utf8')).toBe('{"edited": true}\n');
  });

  it.each([
    [
      ['--commune', '75101'],
      'no commune has the INSEE code 75101: 75101 is a municipal arrondissement of Paris, pass --commune 75056',
    ],
    [
      ['--commune', '243500139'],
      'no commune has the INSEE code 243500139: 243500139 is the SIREN of Rennes Métropole, pass --epci 243500139',
    ],
    [['--departement', '2C'], 'no département has the code 2C'],
  ])('a code of no such place is a wrong argument: %j', async (args, line) => {
    expectRefused(await runCli(['territory', 'init', ...args], { cwd: folder() }), line);
  });

  it('a folder that does not exist: one line, no stack trace', async () => {
    const out = join(folder(), 'missing', 'x.json');
    const run = await runCli(['territory', 'init', '--departement', '38', '--out', out]);
    expectRefused(run, `cannot write ${out}: its folder does not exist`);
  });
});

describe('ancrage territory show', () => {
  it('warns of rings that do not nest, as territory init once wrote them for Paris', async () => {
    const cwd = folder();
    await runCli(['territory', 'init', '--commune', '75056'], { cwd });
    const file = join(cwd, 'paris.json');
    const paris = readTerritory(file);
    const earlier = {
      ...paris,
      rings: paris.rings.map((ring) =>
        ring.id === 'departement'
          ? { ...ring, label: { fr: 'Paris', en: 'Paris' }, departements: ['75'] }
          : ring,
      ),
    };
    writeFileSync(file, JSON.stringify(earlier));
    const run = await runCli(['territory', 'show', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /\nwarning: the rings do not nest, ring "departement" does not contain ring "epci": .+ is in "epci" but not in "departement": its suppliers would be reported further away than they are; write the file again with ancrage territory init\n/,
    );
  });
});
