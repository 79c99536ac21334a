// A fatal shell error (bad substitution, divide by zero, unset variable under `set -u`...): a
// non-interactive shell prints `sh: <message>` and exits (or the subshell it happens in does).
export class ShellFatal extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}
