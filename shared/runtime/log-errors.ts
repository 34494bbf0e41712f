import type { MiddlewareObj } from '@middy/core';

/** Logs a failed invocation as one JSON line before Lambda records the error and retries. */
export function logErrors(functionName: string): MiddlewareObj {
  return {
    onError: async (request) => {
      const error = request.error;
      console.error(
        JSON.stringify({
          level: 'ERROR',
          function: functionName,
          message: error?.message,
          name: error?.name,
          requestId: request.context?.awsRequestId,
        }),
      );
    },
  };
}
