/**
 * An error the user can cause and fix (a missing file, a role not in the
 * settings, no credentials): printed as its one-line message, exit code 1,
 * never with a stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
