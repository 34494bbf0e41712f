import type { Problem } from '../../../shared/contracts/portal-api.ts';

/** A failed API call: the problem JSON's title and detail, written for the officer, or a network fault. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  static async from(response: Response): Promise<ApiError> {
    try {
      const problem = (await response.json()) as Partial<Problem>;
      if (typeof problem.title === 'string')
        return new ApiError(response.status, problem.title, problem.detail);
    } catch {
      // Not problem JSON (a proxy's error page): fall through to the status line.
    }
    return new ApiError(response.status, `HTTP ${response.status} ${response.statusText}`.trim());
  }
}
