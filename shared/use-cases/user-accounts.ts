import * as z from 'zod';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../contracts/roles.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import type { Territory } from '../domain/territory/territory.ts';
import type { MfaPolicy, UserAccount, UserDirectory } from '../ports/user-directory.ts';

export interface UserRequest {
  readonly email: string;
  readonly anchorId: string;
  readonly consortiumAdministrator: boolean;
}

/** A request checked against the territory: the anchor exists, under this name. */
export interface CheckedUser extends UserRequest {
  readonly anchorName: string;
}

const EmailSchema = z.email();

/**
 * Whether an account may be made: the API fences every user's data by the anchor their account
 * carries, which can never change afterwards, so an anchor the territory does not list is refused
 * before anything is created.
 */
export function checkUserRequest(territory: Territory, request: UserRequest): Result<CheckedUser> {
  const { email, anchorId, consortiumAdministrator } = request;
  if (!EmailSchema.safeParse(email).success) return fail(`"${email}" is not an e-mail address`);
  if (anchorId === CONSORTIUM_UPLOADER) {
    // The API refuses a user bound to the consortium's folder who is not in the group (runtime/api/caller.ts).
    if (!consortiumAdministrator)
      return fail(`anchor "${CONSORTIUM_UPLOADER}" is for consortium administrators only: make the user one`);
    return ok({ ...request, anchorName: 'the consortium' });
  }
  const anchor = territory.anchors.find((candidate) => candidate.id === anchorId);
  if (!anchor) {
    const anchors = territory.anchors.map((known) => `${known.id} (${known.name})`).join(', ');
    return fail(
      `"${anchorId}" is not an anchor of territory ${territory.id} (${territory.name}): ${anchors ? `its anchors are ${anchors}` : 'it lists no anchor yet (docs/territories.md)'}`,
    );
  }
  return ok({ ...request, anchorName: anchor.name });
}

/** Creates the account (the directory sends the invitation), then adds it to the administrators' group. */
export async function addUser(
  deps: { readonly directory: UserDirectory },
  user: CheckedUser,
): Promise<Result<CheckedUser>> {
  const created = await deps.directory.create({ email: user.email, anchorId: user.anchorId });
  if (created === 'exists')
    return fail(`${user.email} already has an account (its anchor cannot change): see "users list"`);
  if (user.consortiumAdministrator) {
    const added = await deps.directory.addToGroup(user.email, CONSORTIUM_ADMINISTRATORS_GROUP);
    if (added === 'no-such-group')
      return fail(
        `created ${user.email} for ${user.anchorId}, but the user pool has no group ${CONSORTIUM_ADMINISTRATORS_GROUP}: is it the stack's pool?`,
      );
  }
  return ok(user);
}

export async function disableUser(
  deps: { readonly directory: UserDirectory },
  email: string,
): Promise<Result<string>> {
  const outcome = await deps.directory.disable(email);
  return outcome === 'disabled' ? ok(email) : fail(`no account for ${email} in this user pool`);
}

export interface ListedUser extends UserAccount {
  readonly consortiumAdministrator: boolean;
}

/** Every account, by e-mail address, with whether it is a consortium administrator; and the pool's MFA policy. */
export async function listUsers(deps: {
  readonly directory: UserDirectory;
}): Promise<{ readonly users: ListedUser[]; readonly mfa: MfaPolicy }> {
  const [accounts, administrators, mfa] = await Promise.all([
    deps.directory.list(),
    deps.directory.members(CONSORTIUM_ADMINISTRATORS_GROUP),
    deps.directory.mfaPolicy(),
  ]);
  const users = accounts
    .map((account) => ({
      ...account,
      consortiumAdministrator: administrators?.has(account.email) ?? false,
    }))
    .sort((a, b) => a.email.localeCompare(b.email));
  return { users, mfa };
}
