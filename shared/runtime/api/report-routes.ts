import { listReports, requestRebuild } from '../../use-cases/portal-reports.ts';
import { RebuildBodySchema } from './bodies.ts';
import { json, problem } from './problem.ts';
import { parse, type RouteHandler } from './request.ts';

export const listReportsRoute: RouteHandler = async (deps, { caller }) =>
  json(200, { reports: await listReports(deps, caller) });

export const rebuildRoute: RouteHandler = async (deps, request) => {
  const body = parse(RebuildBodySchema, request.body, 'The rebuild request is not valid');
  if (!body.ok) return body.response;
  const accepted = await requestRebuild(deps, request.caller, body.value?.kind);
  return accepted.ok
    ? json(202, accepted.value)
    : problem(503, 'Reports cannot be rebuilt from here', accepted.reason);
};
