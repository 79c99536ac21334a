// POSIX sh subset interpreter running in virtual time, for the program inside busybox/alpine
// containers whose command is a shell script.
//
// State: ShellState is plain data (AST nodes, an explicit frame stack per thread, variables,
// fd tables, read offsets): structuredClone or JSON it at any wait and the copy resumes exactly
// like the original. No generators, closures or JS-stack suspension.
//
// Running: resumeShell runs every thread (the shell and its `&` jobs) synchronously until all
// wait, then returns the earliest wait: 'sleep' (a timer), 'file' (one `tail -f` target and
// nothing timed), 'forever', or 'exit'. Only sleep / tail -f / wait take virtual time.
// A resume that runs STEP_BUDGET (100,000) steps without waiting is a busy loop burning CPU: it
// returns { kind: 'sleep', seconds: SPIN_SECONDS (1) } and continues on the next resume.
//
// Signals: signalShell(TERM) with no trap returns 'default'. With a trap, POSIX 2.11: the
// action runs after the foreground command (a running `sleep 600` is not cut short: only PID 1
// gets the signal), while a `wait` builtin returns 143 at once and the action runs. `exec`
// drops the traps. `trap '' TERM` ignores the signal.
//
// Subset: ; && || ! newlines { } ( ) & | (into grep/head/wc/cat/tee), if/elif/else, while,
// until, for, case, functions (local, return), break/continue N, exit, $x ${x} ${x:-w} and the
// other POSIX parameter forms, $? $$ $! $# $@ $* $0..$9, $(...) and `...` (may sleep),
// $((...)), quotes, $'...', globbing, redirections > >> < 2>&1 >&2 &> <<EOF <<<, here-docs,
// set -e/-u/-x, trap, wait, eval, exec, ., read, sh -c, scripts on the filesystem, and the
// busybox utilities in commands/ (echo printf test [ sleep cat touch rm mkdir cp mv ls tail
// head grep wc tee date hostname nslookup wget curl seq expr basename dirname env ...).
// compileShell reports anything else with its line/column and UNSUPPORTED_HINT.
export type { ShellProgram } from './ast';
export type { ShellHost, ShellWait } from './host';
export type { ShellState } from './state';
export { compileShell, type ShellProblem, type CompileOptions } from './compile';
export { commandToScript, parseShellInvocation, quoteWord, type ShellInvocation } from './command-to-script';
export { startShell, resumeShell, signalShell, STEP_BUDGET, SPIN_SECONDS, FILE_POLL_SECONDS, type StartOptions } from './run';
export { UNSUPPORTED_HINT } from './parser';
export { isKnownCommand } from './commands';
