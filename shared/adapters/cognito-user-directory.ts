import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommand,
  paginateListUsers,
  paginateListUsersInGroup,
  ResourceNotFoundException,
  UserNotFoundException,
  UsernameExistsException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mapInFlight } from '../domain/in-flight.ts';
import type { MfaPolicy, SecondFactor, UserAccount, UserDirectory } from '../ports/user-directory.ts';
import { EMULATOR_CREDENTIALS, EMULATOR_REGION } from './aws-clients.ts';

/** The user pool's attribute binding a user to their institution (infra: `customAttributes.anchor`). */
export const ANCHOR_ATTRIBUTE = 'custom:anchor';

/** ListUsers' largest page. */
const PAGE_SIZE = 60;
/** AdminGetUser calls at once: Cognito's quota for them is shared with the running portal. */
const CONCURRENT_READS = 4;

const FACTORS: Readonly<Record<string, SecondFactor>> = {
  SOFTWARE_TOKEN_MFA: 'totp',
  SMS_MFA: 'sms',
  EMAIL_OTP: 'email',
};

/**
 * The user pool in AWS, or, for tests and local use only, a stand-in at `endpoint` speaking the
 * Cognito JSON API (no Cognito emulator ships with the embedded stack).
 */
export function createCognitoClient(endpoint: string | undefined): CognitoIdentityProviderClient {
  if (!endpoint) return new CognitoIdentityProviderClient({});
  return new CognitoIdentityProviderClient({
    endpoint,
    region: EMULATOR_REGION,
    credentials: EMULATOR_CREDENTIALS,
  });
}

const attribute = (attributes: readonly AttributeType[] | undefined, name: string) =>
  attributes?.find((candidate) => candidate.Name === name)?.Value;

/** The pool signs users in by e-mail address (infra: `signInAliases`), so Admin* calls take it as the username. */
export function createCognitoUserDirectory(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): UserDirectory {
  async function accountOf(user: UserType): Promise<UserAccount> {
    // ListUsers does not say which second factors a user has set up; AdminGetUser does.
    const details = await client.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.Username }),
    );
    return {
      email: attribute(user.Attributes, 'email') ?? user.Username ?? '',
      anchorId: attribute(user.Attributes, ANCHOR_ATTRIBUTE),
      status: user.UserStatus ?? 'UNKNOWN',
      enabled: user.Enabled === true,
      mfa: (details.UserMFASettingList ?? []).flatMap((setting) => FACTORS[setting] ?? []),
    };
  }

  return {
    async create({ email, anchorId }) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              // The administrator vouches for the address: the pool recovers accounts by e-mail only,
              // and an unverified address could not receive a password reset.
              { Name: 'email_verified', Value: 'true' },
              { Name: ANCHOR_ATTRIBUTE, Value: anchorId },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return 'created';
      } catch (error) {
        if (error instanceof UsernameExistsException) return 'exists';
        throw error;
      }
    },

    async addToGroup(email, group) {
      try {
        await client.send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
        );
        return 'added';
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return 'no-such-group';
        throw error;
      }
    },

    async disable(email) {
      try {
        await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
        return 'disabled';
      } catch (error) {
        if (error instanceof UserNotFoundException) return 'no-such-user';
        throw error;
      }
    },

    async list() {
      const users: UserType[] = [];
      const pages = paginateListUsers({ client, pageSize: PAGE_SIZE }, { UserPoolId: userPoolId });
      for await (const page of pages) users.push(...(page.Users ?? []));
      return mapInFlight(users, CONCURRENT_READS, accountOf);
    },

    async members(group) {
      const emails = new Set<string>();
      try {
        const pages = paginateListUsersInGroup(
          { client, pageSize: PAGE_SIZE },
          { UserPoolId: userPoolId, GroupName: group },
        );
        for await (const page of pages) {
          for (const user of page.Users ?? []) {
            const email = attribute(user.Attributes, 'email');
            if (email) emails.add(email);
          }
        }
        return emails;
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return undefined;
        throw error;
      }
    },

    async mfaPolicy(): Promise<MfaPolicy> {
      const config = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId }));
      const modes = { OFF: 'off', OPTIONAL: 'optional', ON: 'required' } as const;
      const factors: SecondFactor[] = [];
      if (config.SoftwareTokenMfaConfiguration?.Enabled) factors.push('totp');
      if (config.SmsMfaConfiguration?.SmsConfiguration) factors.push('sms');
      if (config.EmailMfaConfiguration) factors.push('email');
      return { mode: modes[config.MfaConfiguration ?? 'OFF'], factors };
    },
  };
}
