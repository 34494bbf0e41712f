import { correctSupplier, searchSuppliers, supplierDetail } from '../../use-cases/portal-suppliers.ts';
import { supplierLines } from '../../use-cases/supplier-lines.ts';
import {
  OverrideBodySchema,
  SupplierLinesQuerySchema,
  SupplierPathSchema,
  SupplierQuerySchema,
} from './bodies.ts';
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

export const supplierLinesRoute: RouteHandler = async (deps, request) => {
  const path = parse(SupplierPathSchema, request.pathParameters, 'The supplier key is not valid');
  if (!path.ok) return path.response;
  const query = parse(
    SupplierLinesQuerySchema,
    request.queryStringParameters,
    'The page asked for is not valid',
  );
  if (!query.ok) return query.response;
  const { dataset, cursor, limit } = query.value;
  const found = await supplierLines(deps, request.caller, {
    supplierKey: path.value.key,
    datasetId: dataset,
    from: cursor,
    limit,
  });
  if (found.outcome === 'unknown-supplier')
    return problem(404, dataset ? 'No lines of this supplier in that file of yours' : NOT_FOUND);
  if (found.outcome === 'stale-cursor')
    return problem(
      400,
      'The page asked for is not valid',
      'Its file is no longer counted, or is not the one asked for: start again from the first page.',
    );
  return json(200, found.page);
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
