import {
  datasetDetail,
  datasetRejects,
  listOwnDatasets,
  unmatchedSuppliers,
} from '../../use-cases/portal-datasets.ts';
import { DatasetListQuerySchema, DatasetPathSchema, UnmatchedQuerySchema } from './bodies.ts';
import { download, json, problem } from './problem.ts';
import { parse, type RouteHandler } from './request.ts';

const NOT_FOUND = 'No such dataset for your institution';

const BAD_PAGE = 'The page asked for is not valid';

export const listDatasetsRoute: RouteHandler = async (deps, request) => {
  const query = parse(DatasetListQuerySchema, request.queryStringParameters, BAD_PAGE);
  if (!query.ok) return query.response;
  const { cursor, limit } = query.value;
  return json(200, await listOwnDatasets(deps, request.caller, { offset: cursor, limit }));
};

export const datasetRoute: RouteHandler = async (deps, request) => {
  const path = parse(DatasetPathSchema, request.pathParameters, 'The dataset id is not valid');
  if (!path.ok) return path.response;
  const found = await datasetDetail(deps, request.caller, path.value.id);
  return found ? json(200, found) : problem(404, NOT_FOUND);
};

export const datasetRejectsRoute: RouteHandler = async (deps, request) => {
  const path = parse(DatasetPathSchema, request.pathParameters, 'The dataset id is not valid');
  if (!path.ok) return path.response;
  const rejects = await datasetRejects(deps, request.caller, path.value.id);
  if (!rejects.found) return problem(404, 'No rejected lines for this dataset of your institution');
  if ('tooLarge' in rejects) {
    return {
      statusCode: 303,
      headers: { location: rejects.url, 'cache-control': 'no-store' },
      body: '',
    };
  }
  return download(rejects.fileName, 'text/csv; charset=utf-8', rejects.csv);
};

export const unmatchedSuppliersRoute: RouteHandler = async (deps, request) => {
  const path = parse(DatasetPathSchema, request.pathParameters, 'The dataset id is not valid');
  if (!path.ok) return path.response;
  const query = parse(UnmatchedQuerySchema, request.queryStringParameters, BAD_PAGE);
  if (!query.ok) return query.response;
  const { cursor, limit } = query.value;
  const found = await unmatchedSuppliers(deps, request.caller, path.value.id, { offset: cursor, limit });
  return found.ok ? json(200, found.value) : problem(404, NOT_FOUND);
};
