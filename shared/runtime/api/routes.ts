import type { PortalRouteKey } from '../../contracts/portal-api.ts';
import { listMappingProfilesRoute, meRoute, saveMappingProfileRoute, uploadRoute } from './account-routes.ts';
import {
  datasetRejectsRoute,
  datasetRoute,
  listDatasetsRoute,
  unmatchedSuppliersRoute,
} from './dataset-routes.ts';
import { problem } from './problem.ts';
import { listReportsRoute, rebuildRoute } from './report-routes.ts';
import type { ApiDependencies, ApiRequest, ApiResponse, RouteHandler } from './request.ts';
import { overrideRoute, searchSuppliersRoute, supplierLinesRoute, supplierRoute } from './supplier-routes.ts';

/**
 * The survey routes load on their first request: the classification and CSV code they bring would
 * otherwise be evaluated at every cold start of the API, whatever route it serves (BENCHMARKS.md).
 */
type SurveyRoutes = typeof import('./survey-routes.ts');
const surveyRoute =
  (name: keyof SurveyRoutes): RouteHandler =>
  async (deps, request) =>
    (await import('./survey-routes.ts'))[name](deps, request);

/** Every route of the contract has its handler: the type fails to compile when one is missing. */
const ROUTES: Readonly<Record<PortalRouteKey, RouteHandler>> = {
  'GET /me': meRoute,
  'POST /uploads': uploadRoute,
  'GET /datasets': listDatasetsRoute,
  'GET /datasets/{id}': datasetRoute,
  'GET /datasets/{id}/rejects': datasetRejectsRoute,
  'GET /datasets/{id}/unmatched-suppliers': unmatchedSuppliersRoute,
  'GET /suppliers': searchSuppliersRoute,
  'GET /suppliers/{key}': supplierRoute,
  'GET /suppliers/{key}/lines': supplierLinesRoute,
  'PUT /suppliers/{key}/override': overrideRoute,
  'GET /mapping-profiles': listMappingProfilesRoute,
  'PUT /mapping-profiles/{id}': saveMappingProfileRoute,
  'GET /reports': listReportsRoute,
  'POST /reports/rebuild': rebuildRoute,
  'GET /surveys': surveyRoute('listSurveysRoute'),
  'GET /surveys/candidates': surveyRoute('surveyCandidatesRoute'),
  'POST /surveys': surveyRoute('openSurveysRoute'),
  'POST /surveys/answers': surveyRoute('importAnswersRoute'),
  'POST /surveys/{key}/reminder': surveyRoute('reminderRoute'),
  'PUT /surveys/{key}/set-aside': surveyRoute('setAsideRoute'),
};

const isRouteKey = (key: string): key is PortalRouteKey => Object.hasOwn(ROUTES, key);

/** Each route: validate, call one use case, map the result. */
export function route(deps: ApiDependencies, request: ApiRequest): Promise<ApiResponse> {
  if (!isRouteKey(request.routeKey)) return Promise.resolve(problem(404, 'No such route'));
  return ROUTES[request.routeKey](deps, request);
}
