import { parseArgs } from 'node:util';
import { readDeployConfig } from '../../infra/config.ts';
import { createCognitoClient, createCognitoUserDirectory } from '../adapters/cognito-user-directory.ts';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../contracts/roles.ts';
import type { Territory } from '../domain/territory/territory.ts';
import type { MfaPolicy, SecondFactor, UserDirectory } from '../ports/user-directory.ts';
import {
  addUser,
  checkUserRequest,
  disableUser,
  type ListedUser,
  listUsers,
} from '../use-cases/user-accounts.ts';
import { RunError, UsageError } from './cli-error.ts';

/**
 * For tests and local use only: the address of a stand-in for the Cognito API
 * (tests/support/fake-cognito.ts). Unset, the commands talk to Cognito with the default AWS
 * credentials and region, as the aws command does.
 */
export const COGNITO_ENDPOINT_VARIABLE = 'ANCRAGE_COGNITO_ENDPOINT';

/** The configuration `cdk deploy` reads when given no `-c config=…`. */
const DEFAULT_CONFIG = 'infra/config/default.json';

const FACTOR_NAMES: Readonly<Record<SecondFactor, string>> = {
  totp: 'authenticator app',
  sms: 'SMS',
  email: 'e-mail code',
};

function userPoolOf(command: string, userPool: string | undefined): string {
  if (!userPool) throw new UsageError(`users ${command} needs --user-pool <id> (the App stack's UserPoolId)`);
  return userPool;
}

async function withDirectory<T>(
  command: string,
  userPool: string,
  run: (directory: UserDirectory) => Promise<T>,
): Promise<T> {
  const client = createCognitoClient(process.env[COGNITO_ENDPOINT_VARIABLE]);
  try {
    return await run(createCognitoUserDirectory(client, userPool));
  } catch (error) {
    if (error instanceof RunError) throw error;
    // Cognito's own words (no such pool, no credentials, access denied): one line.
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunError(`users ${command}: ${reason.split('\n')[0]}`);
  } finally {
    client.destroy();
  }
}

function deployedTerritory(configPath: string): Territory {
  try {
    return readDeployConfig(configPath).territory;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--config ${configPath}: ${reason.split('\n')[0]}`);
  }
}

async function add(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'user-pool': { type: 'string' },
      email: { type: 'string' },
      anchor: { type: 'string' },
      admin: { type: 'boolean', default: false },
      config: { type: 'string', default: DEFAULT_CONFIG },
    },
  });
  const userPool = userPoolOf('add', values['user-pool']);
  const { email, anchor } = values;
  if (!email || !anchor) throw new UsageError('users add needs --email <address> and --anchor <id>');
  const territory = deployedTerritory(values.config);
  const checked = checkUserRequest(territory, {
    email,
    anchorId: anchor,
    consortiumAdministrator: values.admin,
  });
  if (!checked.ok) throw new UsageError(`users add: ${checked.reason}`);
  return withDirectory('add', userPool, async (directory) => {
    const added = await addUser({ directory }, checked.value);
    if (!added.ok) throw new RunError(`users add: ${added.reason}`);
    const user = added.value;
    const role = user.consortiumAdministrator ? `, in group ${CONSORTIUM_ADMINISTRATORS_GROUP}` : '';
    return `users add: created ${user.email} in ${userPool}, anchor ${user.anchorId} (${user.anchorName})${role}; Cognito e-mails them a temporary password for their first sign-in\n`;
  });
}

async function disable(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'user-pool': { type: 'string' }, email: { type: 'string' } },
  });
  const userPool = userPoolOf('disable', values['user-pool']);
  const { email } = values;
  if (!email) throw new UsageError('users disable needs --email <address>');
  return withDirectory('disable', userPool, async (directory) => {
    const disabled = await disableUser({ directory }, email);
    if (!disabled.ok) throw new RunError(`users disable: ${disabled.reason}`);
    return `users disable: disabled ${email} in ${userPool}: they can no longer sign in; the account, its anchor and its uploads are kept (aws cognito-idp admin-enable-user enables it again)\n`;
  });
}

const policyLine = (mfa: MfaPolicy) =>
  mfa.mode === 'off'
    ? 'MFA off'
    : `MFA ${mfa.mode} (${mfa.factors.map((factor) => FACTOR_NAMES[factor]).join(', ') || 'no factor enabled'})`;

function table(users: readonly ListedUser[]): string[] {
  const rows = [
    ['email', 'anchor', 'status', 'enabled', 'mfa', 'consortium administrator'],
    ...users.map((user) => [
      user.email,
      user.anchorId ?? '(none)',
      user.status,
      user.enabled ? 'yes' : 'no',
      user.mfa.join(', ') || 'none',
      user.consortiumAdministrator ? 'yes' : 'no',
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

async function list(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({ args: [...argv], options: { 'user-pool': { type: 'string' } } });
  const userPool = userPoolOf('list', values['user-pool']);
  return withDirectory('list', userPool, async (directory) => {
    const { users, mfa } = await listUsers({ directory });
    const count = users.length === 1 ? '1 user' : `${users.length || 'no'} users`;
    const head = `users list: ${userPool}, ${count}; ${policyLine(mfa)}`;
    return `${[head, ...(users.length > 0 ? table(users) : [])].join('\n')}\n`;
  });
}

/**
 * `ancrage users add|disable|list --user-pool <id> …`: the officers of a deployed stack, each bound
 * to the anchor (institution) whose data they may see and upload.
 */
export async function usersCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return add(rest);
  if (sub === 'disable') return disable(rest);
  if (sub === 'list') return list(rest);
  throw new UsageError('users takes "add", "disable" or "list" (see ancrage --help)');
}
