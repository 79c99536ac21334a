/**
 * Finding a program's configuration in its container: the conventional paths of the
 * image, a `-c FILE` / `--config FILE` argument, and the files of the container's
 * read-only mounts (a ConfigMap mounted anywhere).
 */
import type { ContainerFs } from '../container-fs';

export interface ConfigFile {
  path: string;
  text: string;
}

/** `-c FILE`, `--config FILE`, `--config=FILE`, `-f FILE` (haproxy), `--config-path FILE` (envoy) */
export function configArgument(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = /^--(?:config|config-path|conf)=(.+)$/.exec(a);
    if (eq) return eq[1];
    if (['-c', '--config', '-f', '--config-path', '--conf'].includes(a) && argv[i + 1] !== undefined) return argv[i + 1];
  }
  return undefined;
}

export function readConfigFiles(fs: ContainerFs, conventional: string[], argv: string[]): ConfigFile[] {
  const seen = new Set<string>();
  const out: ConfigFile[] = [];
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (fs.isDir(path)) {
      for (const name of fs.list(path) ?? []) {
        const child = `${path.replace(/\/$/, '')}/${name}`;
        if (!seen.has(child) && fs.isFile(child)) {
          seen.add(child);
          out.push({ path: child, text: fs.read(child) ?? '' });
        }
      }
      return;
    }
    const text = fs.read(path);
    if (text !== undefined) out.push({ path, text });
  };
  const arg = configArgument(argv);
  if (arg) add(arg);
  for (const p of conventional) add(p);
  for (const m of fs.mounts) if (m.readOnly || m.volume.readOnly) add(m.mountPath);
  return out;
}

/** `${VAR}`, `$VAR` in filebeat/fluent-bit files and fluentd's `#{ENV['VAR']}`, from the container's environment */
export function substituteEnv(text: string, env: Record<string, string>): string {
  return text
    .replace(/"?#\{ENV\[['"]([A-Za-z_][A-Za-z0-9_]*)['"]\](?:\s*\|\|\s*['"]([^'"]*)['"])?\}"?/g, (_a, n: string, d?: string) => env[n] ?? d ?? '')
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g, (_a, n: string, d?: string) => env[n] ?? d ?? '');
}
