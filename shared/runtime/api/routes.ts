import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { DatasetKindSchema } from '../../domain/dataset-kind.ts';
import { PlaceFactSchema } from '../../domain/supplier-profile.ts';
import type { ProfileStore } from '../../ports/profile-store.ts';
import {
  type Caller,
  datasetStatus,
  listOwnDatasets,
  listReports,
  type PortalDependencies,
  presignUpload,
} from '../../use-cases/portal.ts';
import { setOverride } from '../../use-cases/set-override.ts';
import { json, problem } from './problem.ts';

export interface ApiDependencies extends PortalDependencies {
  readonly profiles: ProfileStore;
}

export interface ApiRequest {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly caller: Caller;
}

const UploadBodySchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  kind: DatasetKindSchema.optional(),
  mappingProfileId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
});

const OverrideBodySchema = z.strictObject({
  supplierType: z.string().optional(),
  place: PlaceFactSchema.optional(),
  headOffice: PlaceFactSchema.optional(),
  reason: z.string().min(1).max(500),
});

function invalid(error: z.ZodError): APIGatewayProxyStructuredResultV2 {
  const detail = error.issues
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  return problem(400, 'The request is not valid', detail);
}

/** Each route: validate, call one use case, map the result. */
export async function route(
  deps: ApiDependencies,
  request: ApiRequest,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { caller } = request;
  switch (request.routeKey) {
    case 'POST /uploads': {
      const body = UploadBodySchema.safeParse(request.body);
      if (!body.success) return invalid(body.error);
      const signed = await presignUpload(deps, caller, body.data);
      return signed.ok
        ? json(201, signed.value)
        : problem(400, 'The file name is not accepted', signed.reason);
    }
    case 'GET /datasets':
      return json(200, { datasets: await listOwnDatasets(deps, caller) });
    case 'GET /datasets/{id}': {
      const found = await datasetStatus(deps, caller, request.pathParameters.id ?? '');
      return found ? json(200, found) : problem(404, 'No such dataset for your institution');
    }
    case 'PUT /suppliers/{key}/override': {
      const body = OverrideBodySchema.safeParse(request.body);
      if (!body.success) return invalid(body.error);
      const { reason, ...change } = body.data;
      const key = decodeURIComponent(request.pathParameters.key ?? '');
      const saved = await setOverride(deps, { supplierKey: key, change, by: caller.name, reason });
      return saved.ok ? json(200, saved.value) : problem(409, 'The correction was not saved', saved.reason);
    }
    case 'GET /suppliers/{key}': {
      const key = decodeURIComponent(request.pathParameters.key ?? '');
      const profile = (await deps.profiles.getProfiles([key])).get(key);
      const override = await deps.profiles.getOverride(key);
      return json(200, { key, profile: profile ?? null, corrections: override?.history ?? [] });
    }
    case 'GET /reports':
      return json(200, { reports: await listReports(deps) });
    default:
      return problem(404, 'No such route');
  }
}
