import { describe, expect, it } from 'vitest';
import { HELP } from '../../shared/cli/help.ts';
import { runCli } from '../support/run-cli.ts';

/** Every command the help lists, with its subcommand: each is given an option it does not know. */
const COMMANDS = [
  ...new Set(
    (HELP.split('\n\n')[1] ?? '')
      .split('\n')
      .filter((line) => line.startsWith('  ancrage ') && !line.startsWith('  ancrage --'))
      .map((line) => {
        const [command = '', sub = ''] = line.slice('  ancrage '.length).split(' ');
        return /^[a-z]/.test(sub) && !sub.includes('<') ? `${command} ${sub}` : command;
      }),
  ),
];

describe('a wrong option, for every command', () => {
  it('lists the commands the help gives', () => {
    expect(COMMANDS).toEqual(
      expect.arrayContaining([
        'analyze',
        'inspect',
        'territory init',
        'territory show',
        'serve',
        'lines',
        'users add',
        'users disable',
        'users list',
        'restore-table',
      ]),
    );
  });

  it.each(COMMANDS)(
    'ancrage %s --no-such-option: one line, the usage, exit 2, no stack trace',
    async (command) => {
      const run = await runCli([...command.split(' '), '--no-such-option']);
      expect(run.code).toBe(2);
      const [first, ...rest] = run.stderr.trimEnd().split('\n');
      expect(first).toMatch(/^ancrage .*--no-such-option/);
      expect(rest[0]).toBe('usage:');
      expect(rest.join('\n')).toContain(`ancrage ${command}`);
      expect(run.stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
    },
  );

  it('a value missing after an option that takes one is refused the same way', async () => {
    const run = await runCli(['inspect', 'x.csv', '--mapping']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ancrage inspect: .*--mapping/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
