/**
 * A small stand-in for Cognito's user-pool API (AWS JSON 1.1 over HTTP: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`), answering the calls `ancrage users`
 * makes and recording each. The real SDK client talks to it, so what is asserted is what Cognito
 * would receive. One pool; users are addressed by e-mail (the pool's sign-in alias), as in the stack.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CognitoCall {
  readonly operation: string;
  readonly body: Record<string, unknown>;
}

export interface FakeUser {
  readonly username: string;
  readonly attributes: Record<string, string>;
  status: string;
  enabled: boolean;
  mfa: string[];
  readonly groups: Set<string>;
}

export interface FakeCognito {
  readonly endpoint: string;
  readonly userPoolId: string;
  readonly calls: CognitoCall[];
  readonly users: Map<string, FakeUser>;
  readonly groups: Set<string>;
  /** The pool's MFA setting, as GetUserPoolMfaConfig answers it. */
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  /** Adds a user as if created earlier, for list and disable. */
  addUser(email: string, user?: Partial<Omit<FakeUser, 'username' | 'attributes'>>, anchor?: string): void;
  close(): Promise<void>;
}

/** ListUsers pages this small, whatever Limit asks, so that the client must follow PaginationToken. */
const PAGE = 2;

class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf-8')));
    request.on('error', reject);
  });

function send(response: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
}

export async function startFakeCognito(): Promise<FakeCognito> {
  const userPoolId = 'eu-west-3_FakePool1';
  const calls: CognitoCall[] = [];
  const users = new Map<string, FakeUser>();
  const groups = new Set(['consortium-administrators']);

  const userOf = (username: unknown): FakeUser => {
    const user = users.get(String(username).toLowerCase());
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  };
  const asListed = (user: FakeUser) => ({
    Username: user.username,
    Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    UserStatus: user.status,
    Enabled: user.enabled,
    UserCreateDate: 1_767_225_600,
  });
  const page = (all: FakeUser[], token: unknown) => {
    const start = typeof token === 'string' ? Number(token) : 0;
    const next = start + PAGE;
    return {
      Users: all.slice(start, next).map(asListed),
      ...(next < all.length ? { PaginationToken: String(next) } : {}),
    };
  };

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    AdminCreateUser(body) {
      const email = String(body.Username).toLowerCase();
      if (users.has(email))
        throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
      const attributes = Object.fromEntries(
        (body.UserAttributes as { Name: string; Value: string }[]).map(({ Name, Value }) => [Name, Value]),
      );
      const user: FakeUser = {
        username: randomUUID(),
        attributes: { sub: randomUUID(), ...attributes },
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        mfa: [],
        groups: new Set(),
      };
      users.set(email, user);
      return { User: asListed(user) };
    },
    AdminAddUserToGroup(body) {
      const user = userOf(body.Username);
      if (!groups.has(String(body.GroupName)))
        throw new CognitoError('ResourceNotFoundException', 'Group not found.');
      user.groups.add(String(body.GroupName));
      return {};
    },
    AdminDisableUser(body) {
      userOf(body.Username).enabled = false;
      return {};
    },
    AdminGetUser(body) {
      const user = [...users.values()].find((candidate) => candidate.username === body.Username);
      if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
      return { ...asListed(user), UserMFASettingList: user.mfa };
    },
    ListUsers(body) {
      return page([...users.values()], body.PaginationToken);
    },
    ListUsersInGroup(body) {
      if (!groups.has(String(body.GroupName)))
        throw new CognitoError('ResourceNotFoundException', 'Group not found.');
      const members = [...users.values()].filter((user) => user.groups.has(String(body.GroupName)));
      return page(members, body.NextToken);
    },
    GetUserPoolMfaConfig() {
      return {
        MfaConfiguration: fake.mfaConfiguration,
        SoftwareTokenMfaConfiguration: { Enabled: fake.mfaConfiguration !== 'OFF' },
      };
    },
  };

  const server: Server = createServer(async (request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(
      /^AWSCognitoIdentityProviderService\./,
      '',
    );
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    calls.push({ operation, body });
    const handle = operations[operation];
    try {
      if (!handle) throw new CognitoError('InvalidParameterException', `the fake has no ${operation}`);
      if (body.UserPoolId !== userPoolId)
        throw new CognitoError(
          'ResourceNotFoundException',
          `User pool ${String(body.UserPoolId)} does not exist.`,
        );
      send(response, 200, handle(body));
    } catch (error) {
      if (!(error instanceof CognitoError)) throw error;
      send(response, 400, { __type: error.type, message: error.message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeCognito = {
    endpoint: `http://127.0.0.1:${port}`,
    userPoolId,
    calls,
    users,
    groups,
    mfaConfiguration: 'OPTIONAL',
    addUser(email, user = {}, anchor) {
      users.set(email.toLowerCase(), {
        username: randomUUID(),
        attributes: { sub: randomUUID(), email, ...(anchor ? { 'custom:anchor': anchor } : {}) },
        status: user.status ?? 'CONFIRMED',
        enabled: user.enabled ?? true,
        mfa: user.mfa ?? [],
        groups: user.groups ?? new Set(),
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
