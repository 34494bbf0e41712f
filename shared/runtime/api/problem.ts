import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** An error as RFC 9457 problem JSON: a title and a detail a person can act on, never internals. */
export function problem(status: number, title: string, detail?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }),
  };
}

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A file to download, named for the person saving it. */
export function download(
  fileName: string,
  contentType: string,
  body: string,
): APIGatewayProxyStructuredResultV2 {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
    body,
  };
}
