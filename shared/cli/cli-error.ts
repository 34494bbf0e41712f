/** A mistake the user can fix (a missing file, a wrong option): printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file rejected whole, or a run that could not produce its report: exit code 1. */
export class RunError extends Error {
  override readonly name = 'RunError';
}
