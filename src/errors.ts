// Errors a user can cause: each carries its exit code and is shown as one line by the CLI.
import { EXIT, type ExitCode } from "./exit-codes.js";

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, files, ids or configuration. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The deployment cannot be reached, or refuses us. */
export class ConnectionError extends UserFacingError {
  constructor(message: string) {
    super(message, EXIT.unreachable);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
