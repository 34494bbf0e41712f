import { correctSupplier, searchSuppliers, supplierDetail } from '../../use-cases/portal-suppliers.ts';
import { OverrideBodySchema, SupplierPathSchema, SupplierQuerySchema } from './bodies.ts';
import { json, problem } from './problem.ts';
import { parse, type RouteHandler } from './request.ts';

const NOT_FOUND = 'No such supplier among those your institution pays';

export const searchSuppliersRoute: RouteHandler = async (deps, request) => {
  const query = parse(SupplierQuerySchema, request.queryStringParameters, 'The search is not valid');
  if (!query.ok) return query.response;
  const { q, cursor, limit } = query.value;
  return json(200, await searchSuppliers(deps, request.caller, { q, offset: cursor, limit }));
};

export const supplierRoute: RouteHandler = async (deps, request) => {
  const path = parse(SupplierPathSchema, request.pathParameters, 'The supplier key is not valid');
  if (!path.ok) return path.response;
  const found = await supplierDetail(deps, request.caller, path.value.key);
  return found ? json(200, found) : problem(404, NOT_FOUND);
};

export const overrideRoute: RouteHandler = async (deps, request) => {
  const path = parse(SupplierPathSchema, request.pathParameters, 'The supplier key is not valid');
  if (!path.ok) return path.response;
  const body = parse(OverrideBodySchema, request.body, 'The correction is not valid');
  if (!body.ok) return body.response;
  const { reason, ...change } = body.value;
  const outcome = await correctSupplier(deps, request.caller, path.value.key, { change, reason });
  if (!outcome.found) return problem(404, NOT_FOUND);
  return outcome.saved.ok
    ? json(200, outcome.saved.value)
    : problem(409, 'The correction was not saved', outcome.saved.reason);
};
