import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { type EmbeddedStack, startEmbeddedStack } from '../../../shared/local/embedded-stack.ts';

let stack: EmbeddedStack;

beforeAll(async () => {
  stack = await startEmbeddedStack();
});

afterAll(async () => {
  await stack.stop();
});

describe('local establishments by activity, per registry file', () => {
  it('sums every file over the communes asked for, and a reloaded file replaces its own counts', async () => {
    const profiles = createDynamoDbProfileStore(
      createDocumentClient(stack.dynamoDbEndpoint),
      stack.tableName,
    );
    await profiles.putLocalActivity(
      'registry/isere.csv',
      new Map([
        [
          '38185',
          new Map([
            ['43', 10],
            ['62', 3],
          ]),
        ],
        ['38151', new Map([['43', 2]])],
        ['69123', new Map([['43', 99]])],
      ]),
    );
    await profiles.putLocalActivity('registry/extra.csv', new Map([['38185', new Map([['56', 4]])]]));
    expect(await profiles.countEstablishments(['38185', '38151'])).toEqual(
      new Map([
        ['43', 12],
        ['62', 3],
        ['56', 4],
      ]),
    );
    await profiles.putLocalActivity('registry/isere.csv', new Map([['38185', new Map([['43', 1]])]]));
    expect((await profiles.countEstablishments(['38185'])).get('43')).toBe(1);
  });
});
