import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AcceptedAnswer } from '../domain/multiplier/survey-answer.ts';
import type { SurveyAnswers } from '../ports/survey-answers.ts';
import {
  MAX_SURVEYS_PER_ANCHOR,
  type StoredSurvey,
  type SurveyRecord,
  type SurveyStore,
} from '../ports/surveys.ts';
import { putIf } from './conditional-put.ts';
import { ENTITY, GSI1, keys } from './dynamodb-keys.ts';
import { SurveyItemSchema } from './dynamodb-survey-item.ts';

function storedOf(item: Record<string, unknown>): StoredSurvey {
  const { version, ...record } = SurveyItemSchema.parse(item);
  return { record, version };
}

/**
 * Supplier surveys, one item per (anchor, supplier) under the anchor's partition. Every write is a
 * PutItem conditional on the version read (the API function may only PutItem, and dynalite has no
 * transactions): two posts of one token race for one version, and the loser reads the token spent.
 * The token's hash is the item's GSI1 key while it has an invitation, for the form's lookup.
 */
export function createDynamoDbSurveyStore(
  client: DynamoDBDocumentClient,
  tableName: string,
): SurveyStore & SurveyAnswers {
  async function listSurveys(anchorId: string): Promise<StoredSurvey[]> {
    const { pk, skPrefix } = keys.surveysOf(anchorId);
    const surveys: StoredSurvey[] = [];
    let start: Record<string, unknown> | undefined;
    // Bounded: opening and importing refuse past MAX_SURVEYS_PER_ANCHOR, and the read stops there.
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          Limit: MAX_SURVEYS_PER_ANCHOR - surveys.length,
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      for (const item of page.Items ?? []) surveys.push(storedOf(item));
      start = page.LastEvaluatedKey;
    } while (start && surveys.length < MAX_SURVEYS_PER_ANCHOR);
    return surveys;
  }

  async function getSurvey(anchorId: string, supplierKey: string): Promise<StoredSurvey | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.survey(anchorId, supplierKey), ConsistentRead: true }),
    );
    return Item ? storedOf(Item) : undefined;
  }

  async function findByToken(tokenSha256: string): Promise<StoredSurvey | undefined> {
    const { gsi1pk } = keys.surveyToken(tokenSha256);
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :token',
        ExpressionAttributeValues: { ':token': gsi1pk },
        Limit: 1,
      }),
    );
    const found = Items?.[0];
    if (!found) return undefined;
    // The index is eventually consistent: the item itself says whether this token is still its own.
    const current = await getSurvey(String(found.anchorId), String(found.supplierKey));
    return current?.record.invitation?.tokenSha256 === tokenSha256 ? current : undefined;
  }

  async function putSurvey(record: SurveyRecord, expected: number | null): Promise<boolean> {
    const item = {
      ...keys.survey(record.anchorId, record.supplierKey),
      ...(record.invitation ? keys.surveyToken(record.invitation.tokenSha256) : {}),
      entityType: ENTITY.survey,
      ...record,
      version: (expected ?? 0) + 1,
    };
    return putIf(client, {
      TableName: tableName,
      Item: item,
      ...(expected === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expected },
          }),
    });
  }

  async function acceptedAnswers(anchorIds: readonly string[]): Promise<readonly AcceptedAnswer[]> {
    const lists = await Promise.all([...new Set(anchorIds)].map(listSurveys));
    const accepted: AcceptedAnswer[] = [];
    for (const { record } of lists.flat()) {
      if (!record.answer || record.answer.setAside) continue;
      accepted.push({
        supplierKey: record.supplierKey,
        anchorId: record.anchorId,
        answeredOn: record.answer.answeredOn,
        source: record.answer.source,
        answer: record.answer.answer,
      });
    }
    return accepted.sort(
      (a, b) =>
        b.answeredOn.localeCompare(a.answeredOn) ||
        a.supplierKey.localeCompare(b.supplierKey) ||
        a.anchorId.localeCompare(b.anchorId),
    );
  }

  return { listSurveys, getSurvey, findByToken, putSurvey, acceptedAnswers };
}
