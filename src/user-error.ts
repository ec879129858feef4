/**
 * An error the user can cause and fix (a missing file, a role not in the
 * settings, no credentials): printed without a stack trace, exit code 1,
 * caught once at the top of `main.ts` and of the CLI. Its message is one line
 * (a line break inside, say from an AWS message, becomes a space); errors that
 * collect several problems print one line each ({@link lines}).
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' ').trim());
    this.name = 'UserError';
  }

  /** The lines to print: the message, or one per problem for an error that collects several. */
  get lines(): readonly string[] {
    return [this.message];
  }
}

/** Several problems found at once (failed checks, lint findings): one line each; the message names the first. */
export class ProblemsFound extends UserError {
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length <= 1
        ? (problems[0] ?? 'a problem was found')
        : `${problems[0]} (and ${problems.length - 1} more)`,
    );
    this.name = 'ProblemsFound';
  }

  override get lines(): readonly string[] {
    return this.problems.map((problem) => new UserError(problem).message);
  }
}
