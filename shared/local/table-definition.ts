import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '../contracts/table.ts';

/** The single table as the emulators get it; infra declares the same keys for AWS. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
      { AttributeName: TABLE_KEYS.gsi1.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE_KEYS.gsi1.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: TABLE_KEYS.gsi1.name,
        KeySchema: [
          { AttributeName: TABLE_KEYS.gsi1.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.gsi1.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
