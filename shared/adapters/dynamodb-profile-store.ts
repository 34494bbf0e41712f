import { BatchGetCommand, type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { mapInFlight } from '../domain/in-flight.ts';
import type { FactsOfSupplier } from '../domain/registry/merge-profile.ts';
import { mergeProfile } from '../domain/registry/merge-profile.ts';
import { type SupplierFacts, SupplierFactsSchema } from '../domain/registry/supplier-facts.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import { inBatches, putAll, untilProcessed } from './batch-write.ts';
import { createDynamoDbCorrections, readOverrideItem } from './dynamodb-corrections.ts';
import { ENTITY, keys } from './dynamodb-keys.ts';

const GET_BATCH = 100;
/**
 * Reads sent at once: a report of 7 000 suppliers asks for ~35 000 items, ~350 BatchGetItems that
 * took one round trip after another; queries for the communes' establishments likewise.
 */
const READS_IN_FLIGHT = 4;
const QUERIES_IN_FLIGHT = 8;

const LocalActivitySchema = z.object({ divisions: z.array(z.tuple([z.string(), z.number().int()])) });

type Key = { pk: string; sk: string };
const id = (key: Key) => `${key.pk}\u0000${key.sk}`;

/** The items a fact becomes: a head-office establishment is also filed under its SIREN. */
function itemsOf(fact: SupplierFacts): Record<string, unknown>[] {
  const base = { entityType: ENTITY.facts, ...fact };
  switch (fact.kind) {
    case 'unit':
      return [{ ...keys.facts.unit(fact.siren), ...base }];
    case 'establishment': {
      const items = [{ ...keys.facts.establishment(fact.siret), ...base }];
      if (fact.headOffice) items.push({ ...keys.facts.headOffice(fact.siret.slice(0, 9)), ...base });
      return items;
    }
    case 'directory':
      return [{ ...keys.facts.directory(fact.supplierKey), ...base }];
    case 'override':
      return [{ ...keys.facts.override(fact.supplierKey), ...base }];
  }
}

/** The registry items that speak of a SIRET or a SIREN. */
function registryKeys(siret: string | undefined, siren: string | undefined): Key[] {
  const unitSiren = siren ?? siret?.slice(0, 9);
  return [
    ...(siret ? [keys.facts.establishment(siret)] : []),
    ...(unitSiren ? [keys.facts.unit(unitSiren), keys.facts.headOffice(unitSiren)] : []),
  ];
}

function identifiersOfKey(supplierKey: string): { siret?: string; siren?: string } {
  if (supplierKey.startsWith('siret:')) return { siret: supplierKey.slice(6) };
  if (supplierKey.startsWith('siren:')) return { siren: supplierKey.slice(6) };
  return {};
}

export function createDynamoDbProfileStore(client: DynamoDBDocumentClient, tableName: string): ProfileStore {
  /** The items that exist among `wanted`, by key: their facts (`undefined` for a lookup miss). */
  async function getItems(wanted: readonly Key[]): Promise<Map<string, SupplierFacts | undefined>> {
    const found = new Map<string, SupplierFacts | undefined>();
    const unique = [...new Map(wanted.map((key) => [id(key), key])).values()];
    await mapInFlight(inBatches(unique, GET_BATCH), READS_IN_FLIGHT, (batch) =>
      untilProcessed<Record<string, unknown>>(batch, 'profile reads', async (pending) => {
        const response = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of response.Responses?.[tableName] ?? []) {
          // A lookup miss is no fact: it only says that an API was asked in vain.
          if (item.entityType === ENTITY.lookupMiss) {
            found.set(id({ pk: String(item.pk), sk: String(item.sk) }), undefined);
            continue;
          }
          const fact = item.kind === 'override' ? readOverrideItem(item) : SupplierFactsSchema.parse(item);
          found.set(id({ pk: String(item.pk), sk: String(item.sk) }), fact);
        }
        return response.UnprocessedKeys?.[tableName]?.Keys ?? [];
      }),
    );
    return found;
  }

  return {
    ...createDynamoDbCorrections(client, tableName),

    async getProfiles(supplierKeys) {
      const unique = [...new Set(supplierKeys)];
      const own = (key: string) => [keys.facts.override(key), keys.facts.directory(key)];
      const first = await getItems(
        unique.flatMap((key) => {
          const { siret, siren } = identifiersOfKey(key);
          return [...own(key), ...registryKeys(siret, siren)];
        }),
      );
      // A directory may give a SIRET to a supplier the spending files only name: fetch its registry facts too.
      const viaDirectory = new Map<string, { siret?: string; siren?: string }>();
      for (const key of unique) {
        const directory = first.get(id(keys.facts.directory(key)));
        if (
          directory?.kind === 'directory' &&
          !identifiersOfKey(key).siret &&
          (directory.siret || directory.siren)
        ) {
          viaDirectory.set(key, {
            ...(directory.siret ? { siret: directory.siret } : {}),
            ...(directory.siren ? { siren: directory.siren } : {}),
          });
        }
      }
      const second = await getItems(
        [...viaDirectory.values()].flatMap(({ siret, siren }) => registryKeys(siret, siren)),
      );
      const all = new Map([...first, ...second]);
      const profiles = new Map<string, SupplierProfile>();
      const fact = (itemKey: Key | undefined) => (itemKey ? all.get(id(itemKey)) : undefined);
      for (const key of unique) {
        const { siret, siren } = viaDirectory.get(key) ?? identifiersOfKey(key);
        const unitSiren = siren ?? siret?.slice(0, 9);
        const unit = fact(unitSiren ? keys.facts.unit(unitSiren) : undefined);
        const establishment = fact(siret ? keys.facts.establishment(siret) : undefined);
        const headOffice = fact(unitSiren ? keys.facts.headOffice(unitSiren) : undefined);
        const directory = fact(keys.facts.directory(key));
        const override = fact(keys.facts.override(key));
        const facts: FactsOfSupplier = {
          unit: unit?.kind === 'unit' ? unit : undefined,
          establishment: establishment?.kind === 'establishment' ? establishment : undefined,
          headOffice: headOffice?.kind === 'establishment' ? headOffice : undefined,
          directory: directory?.kind === 'directory' ? directory : undefined,
          override: override?.kind === 'override' ? override : undefined,
        };
        if (Object.values(facts).some((fact) => fact !== undefined))
          profiles.set(key, mergeProfile(key, facts));
      }
      return profiles;
    },

    async unknownToRegistry({ sirets, sirens }) {
      const asked = [
        ...[...sirets].map((siret) => ({ identifier: siret, fact: keys.facts.establishment(siret) })),
        ...[...sirens].map((siren) => ({ identifier: siren, fact: keys.facts.unit(siren) })),
      ];
      const found = await getItems(
        asked.flatMap(({ identifier, fact }) => [fact, keys.facts.lookupMiss(identifier)]),
      );
      const unknown = asked
        .filter(
          ({ identifier, fact }) => !found.has(id(fact)) && !found.has(id(keys.facts.lookupMiss(identifier))),
        )
        .map(({ identifier }) => identifier);
      return {
        sirets: unknown.filter((identifier) => identifier.length === 14),
        sirens: unknown.filter((identifier) => identifier.length === 9),
      };
    },

    async putLookupMiss(identifier, provider, on) {
      await putAll(client, tableName, [
        { ...keys.facts.lookupMiss(identifier), entityType: ENTITY.lookupMiss, provider, on },
      ]);
    },

    async putFacts(facts) {
      await putAll(client, tableName, facts.flatMap(itemsOf));
    },

    async putLocalActivity(source, counts) {
      await putAll(
        client,
        tableName,
        [...counts].map(([commune, divisions]) => ({
          ...keys.localActivity(commune, source),
          entityType: ENTITY.localActivity,
          divisions: [...divisions],
        })),
      );
    },

    async countEstablishments(communes) {
      const totals = new Map<string, number>();
      await mapInFlight([...new Set(communes)], QUERIES_IN_FLIGHT, async (commune) => {
        for await (const page of paginateQuery(
          { client },
          {
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.localActivityOf(commune) },
          },
        )) {
          for (const item of page.Items ?? []) {
            for (const [division, count] of LocalActivitySchema.parse(item).divisions) {
              totals.set(division, (totals.get(division) ?? 0) + count);
            }
          }
        }
      });
      return totals;
    },
  };
}
