// A fake engine side for the shell tests: an in-memory filesystem, a clock the test drives,
// the container log with virtual timestamps, DNS and HTTP answers.
import type { CompileOptions, ShellHost, ShellState, ShellWait } from '../../src/engine/apps/shell';
import { compileShell, resumeShell, startShell } from '../../src/engine/apps/shell';

export interface LogLine {
  t: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

export class FakeHost implements ShellHost {
  t = 0;
  epochMs = Date.UTC(2026, 0, 1, 0, 0, 0);
  hostname = 'web-0';
  dnsServer?: string;
  env: Record<string, string> = {};
  files = new Map<string, string>();
  dirs = new Set<string>(['/', '/tmp', '/var', '/var/log', '/etc', '/root', '/dev', '/bin', '/usr', '/usr/bin']);
  log: LogLine[] = [];
  dns: Record<string, { address: string; fqdn: string }> = {};
  web: Record<string, { status: number; body: string } | { error: string }> = {};

  now(): number {
    return this.t;
  }

  stdout(line: string): void {
    this.log.push({ t: this.t, stream: 'stdout', line });
  }

  stderr(line: string): void {
    this.log.push({ t: this.t, stream: 'stderr', line });
  }

  lines(stream?: 'stdout' | 'stderr'): string[] {
    return this.log.filter((l) => !stream || l.stream === stream).map((l) => l.line);
  }

  private parent(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  fs: ShellHost['fs'] = {
    read: (path) => this.files.get(path),
    write: (path, data, append) => {
      if (this.dirs.has(path)) return `can't create ${path}: Is a directory`;
      if (!this.dirs.has(this.parent(path))) return `can't create ${path}: nonexistent directory`;
      this.files.set(path, (append ? (this.files.get(path) ?? '') : '') + data);
      return null;
    },
    remove: (path) => this.files.delete(path) || this.dirs.delete(path),
    exists: (path) => this.files.has(path) || this.dirs.has(path),
    isDir: (path) => this.dirs.has(path),
    mkdirp: (path) => {
      let p = path;
      while (p !== '/' && p !== '') {
        this.dirs.add(p);
        p = this.parent(p);
      }
    },
    list: (path) => {
      if (!this.dirs.has(path)) return undefined;
      const prefix = path === '/' ? '/' : path + '/';
      const names = new Set<string>();
      for (const p of [...this.files.keys(), ...this.dirs]) {
        if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(p.slice(prefix.length));
      }
      return [...names].sort();
    },
  };

  nslookup(name: string): { ok: true; address: string; fqdn: string } | { ok: false } {
    const r = this.dns[name];
    return r ? { ok: true, ...r } : { ok: false };
  }

  http(url: string): { ok: true; status: number; body: string } | { ok: false; error: string } {
    const r = this.web[url];
    if (!r) return { ok: false, error: `bad address '${url.replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0]}'` };
    if ('error' in r) return { ok: false, error: r.error };
    return { ok: true, ...r };
  }
}

export function compile(script: string, options: CompileOptions = {}) {
  const r = compileShell(script, options);
  if (!r.ok) throw new Error(`compile failed: ${JSON.stringify(r.problems)}`);
  return r.program;
}

/** Start a script and run it like the engine would, until `until` seconds or a non-timed wait. */
export function runScript(script: string, host: FakeHost, until = 60, options: CompileOptions = {}): { state: ShellState; wait: ShellWait } {
  const state = startShell(compile(script, options));
  const wait = advance(state, host, until);
  return { state, wait };
}

/** Resume `state` and keep honouring sleeps until virtual time `until`; returns the last wait. */
export function advance(state: ShellState, host: FakeHost, until: number): ShellWait {
  let w = resumeShell(state, host);
  while (w.kind === 'sleep' && host.t + w.seconds <= until + 1e-9) {
    host.t += w.seconds;
    w = resumeShell(state, host);
  }
  return w;
}

/** A copy of the host (filesystem, clock, log) so a checkpointed state can resume on its own world. */
export function cloneHost(h: FakeHost): FakeHost {
  const c = new FakeHost();
  c.t = h.t;
  c.epochMs = h.epochMs;
  c.hostname = h.hostname;
  c.env = { ...h.env };
  c.files = new Map(h.files);
  c.dirs = new Set(h.dirs);
  c.log = h.log.map((l) => ({ ...l }));
  c.dns = { ...h.dns };
  c.web = { ...h.web };
  return c;
}

export interface RunResult {
  out: string[];
  err: string[];
  code: number | null;
  wait: ShellWait;
  host: FakeHost;
  state: ShellState;
}

/** Run a short script to its end (or `until`) and split its log. */
export function run(script: string, setup: (h: FakeHost) => void = () => {}, until = 60, options: CompileOptions = {}): RunResult {
  const host = new FakeHost();
  setup(host);
  const { state, wait } = runScript(script, host, until, options);
  return { out: host.lines('stdout'), err: host.lines('stderr'), code: wait.kind === 'exit' ? wait.code : null, wait, host, state };
}
