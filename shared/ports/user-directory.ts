/** A second sign-in factor, as the portal's users can set one up. */
export type SecondFactor = 'totp' | 'sms' | 'email';

/** An officer's account: the institution it is bound to, and how it signs in. */
export interface UserAccount {
  readonly email: string;
  /** The anchor the account is bound to; undefined for an account made without one (it cannot call the API). */
  readonly anchorId: string | undefined;
  /** The directory's own word: FORCE_CHANGE_PASSWORD until the first sign-in, then CONFIRMED. */
  readonly status: string;
  readonly enabled: boolean;
  /** The second factors the user has set up: none when empty. */
  readonly mfa: readonly SecondFactor[];
}

/** What the directory asks of every user beyond a password. */
export interface MfaPolicy {
  readonly mode: 'off' | 'optional' | 'required';
  readonly factors: readonly SecondFactor[];
}

/**
 * The officers' accounts (Cognito's user pool in AWS), addressed by e-mail address. Outcomes a
 * caller expects (the address is taken, unknown) are values; anything else throws.
 */
export interface UserDirectory {
  /** Creates the account, bound to its anchor for good, and sends the invitation with a first password. */
  create(account: { readonly email: string; readonly anchorId: string }): Promise<'created' | 'exists'>;
  addToGroup(email: string, group: string): Promise<'added' | 'no-such-group'>;
  /** Stops the account signing in (and its tokens working); the account and its history are kept. */
  disable(email: string): Promise<'disabled' | 'no-such-user'>;
  list(): Promise<UserAccount[]>;
  /** The e-mail addresses of a group's members; undefined when there is no such group. */
  members(group: string): Promise<Set<string> | undefined>;
  mfaPolicy(): Promise<MfaPolicy>;
}
