/** A mistake in how the tool was called (bad flag, unknown ref, not a repository): exit code 2, one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
