// Path arithmetic inside the container's filesystem (always absolute, '/'-separated).

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** POSIX basename(1) */
export function baseName(path: string): string {
  if (path === '') return '';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** POSIX dirname(1) */
export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const dir = trimmed.slice(0, i).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** Paths that are devices rather than files. */
export const DEV_NULL = '/dev/null';
const STDOUT_PATHS = ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', '/proc/1/fd/1'];
const STDERR_PATHS = ['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2', '/proc/1/fd/2'];

/** fd that a device path aliases (`echo x > /proc/1/fd/1` writes to the container log). */
export function devicePathFd(path: string): 1 | 2 | null {
  if (STDOUT_PATHS.includes(path)) return 1;
  if (STDERR_PATHS.includes(path)) return 2;
  return null;
}
