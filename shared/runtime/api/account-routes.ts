import { describeCaller, presignUpload } from '../../use-cases/portal.ts';
import { listMappingProfiles, saveMappingProfile } from '../../use-cases/portal-mapping-profiles.ts';
import { MappingProfileBodySchema, ProfilePathSchema, UploadBodySchema } from './bodies.ts';
import { json, problem } from './problem.ts';
import { parse, type RouteHandler } from './request.ts';

/** The caller, their uploads and their mapping profiles: what belongs to one anchor's account. */

export const meRoute: RouteHandler = async (deps, { caller }) =>
  json(200, await describeCaller(deps, caller));

export const uploadRoute: RouteHandler = async (deps, request) => {
  const body = parse(UploadBodySchema, request.body, 'The upload request is not valid');
  if (!body.ok) return body.response;
  const signed = await presignUpload(deps, request.caller, body.value);
  if (signed.ok) return json(201, signed.value);
  return signed.forbidden
    ? problem(403, 'Not allowed', signed.reason)
    : problem(400, 'The file is not accepted', signed.reason);
};

export const listMappingProfilesRoute: RouteHandler = async (deps, { caller }) =>
  json(200, { profiles: await listMappingProfiles(deps, caller) });

export const saveMappingProfileRoute: RouteHandler = async (deps, request) => {
  const path = parse(ProfilePathSchema, request.pathParameters, 'The mapping profile id is not valid');
  if (!path.ok) return path.response;
  const body = parse(MappingProfileBodySchema, request.body, 'The mapping profile is not valid');
  if (!body.ok) return body.response;
  const saved = await saveMappingProfile(deps, request.caller, path.value.id, body.value);
  return saved.ok ? json(200, saved.value) : problem(400, 'The mapping profile is not valid', saved.reason);
};
