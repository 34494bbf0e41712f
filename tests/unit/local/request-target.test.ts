import { describe, expect, it } from 'vitest';
import { decodePath, requestTarget } from '../../../shared/local/request-target.ts';

describe('requestTarget: what the local server routes on', () => {
  it.each([
    ['/', '/', ''],
    ['/api/datasets?x=1&y=%20', '/api/datasets', 'x=1&y=%20'],
    ['/suppliers/name%3Ax%4038000', '/suppliers/name%3Ax%4038000', ''],
    ['/reports/a/../b', '/reports/b', ''],
  ])('%s → path %s, query %s', (raw, path, query) => {
    expect(requestTarget(raw)).toEqual({ path, query });
  });

  it.each(['/reports/%E0%A4%A', '/%E0%A4%A', '/api/suppliers/%FF', '/%', '/a%2', '/%C3%28'])(
    '%s does not decode: undefined (a 400)',
    (raw) => {
      expect(requestTarget(raw)).toBeUndefined();
    },
  );

  it('takes a missing URL as the root', () => {
    expect(requestTarget(undefined)).toEqual({ path: '/', query: '' });
  });
});

describe('decodePath', () => {
  it('decodes, or says it cannot', () => {
    expect(decodePath('caf%C3%A9%2Fx')).toBe('café/x');
    expect(decodePath('%E0%A4%A')).toBeUndefined();
  });
});
