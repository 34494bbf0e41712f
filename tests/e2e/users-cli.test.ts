import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COGNITO_ENDPOINT_VARIABLE } from '../../shared/cli/users-command.ts';
import { type FakeCognito, startFakeCognito } from '../support/fake-cognito.ts';
import { runCli } from '../support/run-cli.ts';

/** Two anchors of the default territory (grenoble-alpes-metropole), which infra/config/default.json names. */
const GRENOBLE = '21380185500015';
const METROPOLE = '20004071500019';

let cognito: FakeCognito;
let pool: string;

beforeAll(async () => {
  cognito = await startFakeCognito();
  pool = cognito.userPoolId;
  // The CLI runs in a child process that inherits this environment: its Cognito is the fake.
  vi.stubEnv(COGNITO_ENDPOINT_VARIABLE, cognito.endpoint);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await cognito?.close();
});

beforeEach(() => {
  cognito.calls.length = 0;
  cognito.users.clear();
  cognito.groups.clear();
  cognito.groups.add('consortium-administrators');
});

const operations = () => cognito.calls.map((call) => call.operation);

/** One line on stderr, nothing on stdout, the exit code given. */
function expectOneLine(run: { code: number; stdout: string; stderr: string }, code: number, text: RegExp) {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(text);
}

describe('ancrage users add', () => {
  it('creates the account bound to its anchor, with a verified address and an e-mailed invitation', async () => {
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'agent@ville.example',
      '--anchor',
      GRENOBLE,
    ]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `users add: created agent@ville.example in ${pool}, anchor ${GRENOBLE} (Ville de Grenoble); Cognito e-mails them a temporary password for their first sign-in\n`,
    );
    expect(cognito.calls).toEqual([
      {
        operation: 'AdminCreateUser',
        body: {
          UserPoolId: pool,
          Username: 'agent@ville.example',
          UserAttributes: [
            { Name: 'email', Value: 'agent@ville.example' },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'custom:anchor', Value: GRENOBLE },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        },
      },
    ]);
  });

  it('--admin adds the account to the consortium-administrators group', async () => {
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'dsi@metro.example',
      '--anchor',
      METROPOLE,
      '--admin',
    ]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(
      `anchor ${METROPOLE} (Grenoble-Alpes Métropole), in group consortium-administrators;`,
    );
    expect(operations()).toEqual(['AdminCreateUser', 'AdminAddUserToGroup']);
    expect(cognito.calls[1]?.body).toEqual({
      UserPoolId: pool,
      Username: 'dsi@metro.example',
      GroupName: 'consortium-administrators',
    });
    expect(cognito.users.get('dsi@metro.example')?.groups).toEqual(new Set(['consortium-administrators']));
  });

  it('binds a consortium administrator to the consortium folder, and no one else', async () => {
    const refused = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'c@dep.example',
      '--anchor',
      'consortium',
    ]);
    expectOneLine(
      refused,
      2,
      /^ancrage: users add: anchor "consortium" is for consortium administrators only/,
    );
    expect(cognito.calls).toEqual([]);

    const admin = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'c@dep.example',
      '--anchor',
      'consortium',
      '--admin',
    ]);
    expect(admin.code).toBe(0);
    expect(cognito.users.get('c@dep.example')?.attributes['custom:anchor']).toBe('consortium');
    expect(operations()).toEqual(['AdminCreateUser', 'AdminAddUserToGroup']);
  });

  it('refuses an anchor the territory does not list, naming the territory and its anchors, before calling Cognito', async () => {
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'a@b.example',
      '--anchor',
      '12345678900011',
    ]);

    expectOneLine(
      run,
      2,
      new RegExp(
        `^ancrage: users add: "12345678900011" is not an anchor of territory grenoble-alpes-metropole \\(Grenoble-Alpes Métropole\\): its anchors are ${GRENOBLE} \\(Ville de Grenoble\\), ${METROPOLE} \\(Grenoble-Alpes Métropole\\)$`,
      ),
    );
    expect(cognito.calls).toEqual([]);
  });

  it('checks the anchor against the territory of the configuration given with --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ancrage-users-'));
    const config = join(dir, 'oxford.json');
    writeFileSync(config, JSON.stringify({ stage: 'ox', territory: 'oxford' }));

    const grenoble = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'a@b.example',
      '--anchor',
      GRENOBLE,
      '--config',
      config,
    ]);
    expectOneLine(grenoble, 2, new RegExp(`"${GRENOBLE}" is not an anchor of territory oxford \\(Oxford\\)`));

    const oxford = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'officer@oxford.example',
      '--anchor',
      'oxford-city-council',
      '--config',
      config,
    ]);
    expect(oxford).toMatchObject({ code: 0, stderr: '' });
    expect(oxford.stdout).toContain('anchor oxford-city-council (Oxford City Council)');

    const missing = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'a@b.example',
      '--anchor',
      GRENOBLE,
      '--config',
      join(dir, 'none.json'),
    ]);
    expectOneLine(missing, 2, /^ancrage: --config .*none\.json: ENOENT/);
  });

  it('refuses an address that is not one', async () => {
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'agent@',
      '--anchor',
      GRENOBLE,
    ]);
    expectOneLine(run, 2, /^ancrage: users add: "agent@" is not an e-mail address$/);
    expect(cognito.calls).toEqual([]);
  });

  it('says in one line, exit 1, that the address already has an account', async () => {
    cognito.addUser('agent@ville.example', {}, GRENOBLE);
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'agent@ville.example',
      '--anchor',
      METROPOLE,
    ]);

    expectOneLine(
      run,
      1,
      /^ancrage: users add: agent@ville\.example already has an account \(its anchor cannot change\)/,
    );
    expect(cognito.users.get('agent@ville.example')?.attributes['custom:anchor']).toBe(GRENOBLE);
  });

  it('says the account was made when the pool has no administrators group (not the stack’s pool)', async () => {
    cognito.groups.clear();
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      pool,
      '--email',
      'dsi@metro.example',
      '--anchor',
      METROPOLE,
      '--admin',
    ]);
    expectOneLine(
      run,
      1,
      /^ancrage: users add: created dsi@metro\.example for 20004071500019, but the user pool has no group consortium-administrators/,
    );
  });

  it('passes Cognito’s refusal on in one line: an unknown pool', async () => {
    const run = await runCli([
      'users',
      'add',
      '--user-pool',
      'eu-west-3_Nope',
      '--email',
      'a@b.example',
      '--anchor',
      GRENOBLE,
    ]);
    expectOneLine(run, 1, /^ancrage: users add: User pool eu-west-3_Nope does not exist\.$/);
  });

  it('needs the pool, the address and the anchor', async () => {
    expectOneLine(
      await runCli(['users', 'add', '--email', 'a@b.example', '--anchor', GRENOBLE]),
      2,
      /needs --user-pool <id>/,
    );
    expectOneLine(
      await runCli(['users', 'add', '--user-pool', pool, '--anchor', GRENOBLE]),
      2,
      /needs --email <address> and --anchor <id>/,
    );
    expectOneLine(await runCli(['users', 'rename']), 2, /users takes "add", "disable" or "list"/);
    expect(cognito.calls).toEqual([]);
  });
});

describe('ancrage users disable', () => {
  it('disables the account, never deletes it', async () => {
    cognito.addUser('agent@ville.example', {}, GRENOBLE);
    const run = await runCli(['users', 'disable', '--user-pool', pool, '--email', 'agent@ville.example']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^users disable: disabled agent@ville\.example in .*: they can no longer sign in; the account, its anchor and its uploads are kept/,
    );
    expect(cognito.calls).toEqual([
      { operation: 'AdminDisableUser', body: { UserPoolId: pool, Username: 'agent@ville.example' } },
    ]);
    expect(cognito.users.get('agent@ville.example')?.enabled).toBe(false);
  });

  it('says in one line, exit 1, that there is no such account', async () => {
    const run = await runCli(['users', 'disable', '--user-pool', pool, '--email', 'nobody@ville.example']);
    expectOneLine(run, 1, /^ancrage: users disable: no account for nobody@ville\.example in this user pool$/);
  });
});

describe('ancrage users list', () => {
  it('lists every account (page after page) with its anchor, status, enabled flag, MFA and role, and the pool’s MFA', async () => {
    cognito.addUser(
      'b@metro.example',
      { mfa: ['SOFTWARE_TOKEN_MFA'], groups: new Set(['consortium-administrators']) },
      METROPOLE,
    );
    cognito.addUser('a@ville.example', { status: 'FORCE_CHANGE_PASSWORD' }, GRENOBLE);
    cognito.addUser('c@ville.example', { enabled: false }, GRENOBLE);
    cognito.addUser('d@elsewhere.example');

    const run = await runCli(['users', 'list', '--user-pool', pool]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        `users list: ${pool}, 4 users; MFA optional (authenticator app)`,
        'email                anchor          status                 enabled  mfa   consortium administrator',
        'a@ville.example      21380185500015  FORCE_CHANGE_PASSWORD  yes      none  no',
        'b@metro.example      20004071500019  CONFIRMED              yes      totp  yes',
        'c@ville.example      21380185500015  CONFIRMED              no       none  no',
        'd@elsewhere.example  (none)          CONFIRMED              yes      none  no',
        '',
      ].join('\n'),
    );
    // The fake answers two users a page: the list followed the token to the end.
    expect(operations().filter((operation) => operation === 'ListUsers')).toHaveLength(2);
    expect(cognito.calls.find((call) => call.operation === 'ListUsers')?.body).toMatchObject({
      UserPoolId: pool,
    });
  });

  it('says so when the pool has no users, with its MFA setting', async () => {
    cognito.mfaConfiguration = 'OFF';
    const run = await runCli(['users', 'list', '--user-pool', pool]);
    cognito.mfaConfiguration = 'OPTIONAL';
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: `users list: ${pool}, no users; MFA off\n` });
  });
});
