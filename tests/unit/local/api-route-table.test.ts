import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PORTAL_API_ROUTES, routeKeyOf } from '../../../shared/contracts/portal-api.ts';
import { matchRoute, pathExists } from '../../../shared/local/api-route-table.ts';

describe('matchRoute: the API Gateway route of a local request', () => {
  it.each([
    ['GET', '/me', 'GET /me', {}],
    ['GET', '/datasets', 'GET /datasets', {}],
    ['GET', '/datasets/abc', 'GET /datasets/{id}', { id: 'abc' }],
    ['GET', '/datasets/abc/rejects', 'GET /datasets/{id}/rejects', { id: 'abc' }],
    ['GET', '/suppliers/name%3Ax%4038000', 'GET /suppliers/{key}', { key: 'name:x@38000' }],
    ['GET', '/suppliers/name%3Ala%20cafe%2Fbar', 'GET /suppliers/{key}', { key: 'name:la cafe/bar' }],
    ['GET', '/suppliers/100%25', 'GET /suppliers/{key}', { key: '100%' }],
    ['GET', '/suppliers/%E0%A4%A', 'GET /suppliers/{key}', { key: '%E0%A4%A' }],
    ['PUT', '/suppliers/siret%3A1/override', 'PUT /suppliers/{key}/override', { key: 'siret:1' }],
    ['POST', '/reports/rebuild', 'POST /reports/rebuild', {}],
    ['PUT', '/mapping-profiles/export', 'PUT /mapping-profiles/{id}', { id: 'export' }],
  ])('%s %s → %s', (method, path, routeKey, pathParameters) => {
    expect(matchRoute(method, path)).toEqual({ routeKey, pathParameters });
  });

  it.each([
    ['GET', '/datasets/'],
    ['GET', '/datasets/a/b'],
    ['DELETE', '/datasets/abc'],
    ['GET', '/suppliers/a/override'],
    ['GET', '/me/'],
    ['GET', '/unknown'],
  ])('%s %s matches no route', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });

  it('knows a path served with another method (405 rather than 404)', () => {
    expect(pathExists('/datasets/abc')).toBe(true);
    expect(pathExists('/nothing')).toBe(false);
  });

  it('matches every route of the contract with its own key, whatever a parameter holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9%._~:-]{1,30}$/), (segment) => {
        for (const route of PORTAL_API_ROUTES) {
          const path = route.path.replace(/\{[a-zA-Z]+\}/g, segment);
          expect(matchRoute(route.method, path)?.routeKey).toBe(routeKeyOf(route));
        }
      }),
    );
  });
});
