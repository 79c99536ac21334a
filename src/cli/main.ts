/**
 * The headless runner: `podsim run|kubectl|validate` (shared/spec/scenario-format.md).
 * Exit codes: 0 success; 1 the file or command is invalid; 2 wrong usage.
 */
import { readFileSync, writeSync } from 'node:fs';
import { loadScenario } from '../scenario/load-scenario';
import { formatProblem, type Scenario } from '../scenario/model';
import { tryParseDuration } from '../scenario/duration';
import { Simulation } from '../engine/simulation';
import { formatLine } from './format-line';
import { tuneV8ForRun } from './v8-tuning';

const USAGE = `Usage:
  podsim run FILE [--until DURATION] [--json]
  podsim kubectl FILE --at DURATION -- ARGS...
  podsim validate FILE

Durations are Go style: 90s, 2m30s, 1h; a bare number means seconds.
`;

interface Io {
  out(s: string): void;
  err(s: string): void;
}

function stdio(): Io {
  // write synchronously so large outputs are not cut when the process exits
  const write = (fd: number, s: string) => {
    let buf = Buffer.from(s);
    while (buf.length) {
      try {
        const n = writeSync(fd, buf);
        buf = buf.subarray(n);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw e;
      }
    }
  };
  return { out: (s) => write(1, s), err: (s) => write(2, s) };
}

function load(file: string, io: Io): Scenario | number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`podsim: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}\n`);
    return 1;
  }
  const r = loadScenario(text, file);
  if (!r.ok) {
    for (const p of r.problems) io.err(formatProblem(p) + '\n');
    return 1;
  }
  return r.scenario;
}

function takeFlag(args: string[], name: string): string | undefined | null {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      const v = args[i + 1];
      args.splice(i, 2);
      return v ?? null;
    }
    if (args[i].startsWith(name + '=')) {
      const v = args[i].slice(name.length + 1);
      args.splice(i, 1);
      return v;
    }
  }
  return undefined;
}

function takeBool(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

export async function main(argv: string[], io: Io = stdio()): Promise<number> {
  try {
    return run(argv, io);
  } catch (e) {
    // never a stack trace: say what happened, and how to report it
    io.err(`podsim: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

function run(argv: string[], io: Io): number {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    (cmd ? io.out : io.err)(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === 'validate') {
    if (rest.length !== 1) {
      io.err(`podsim validate: expected one FILE\n\n${USAGE}`);
      return 2;
    }
    const s = load(rest[0], io);
    if (typeof s === 'number') return s;
    io.out(`${rest[0]}: ok (${s.manifests.length} object${s.manifests.length === 1 ? '' : 's'}${s.timeline.length ? `, ${s.timeline.length} timeline command${s.timeline.length === 1 ? '' : 's'}` : ''})\n`);
    return 0;
  }
  if (cmd === 'run') {
    const args = [...rest];
    const json = takeBool(args, '--json');
    const until = takeFlag(args, '--until');
    if (until === null) {
      io.err(`podsim run: --until needs a DURATION\n\n${USAGE}`);
      return 2;
    }
    const unknown = args.find((a) => a.startsWith('-'));
    if (unknown || args.length !== 1) {
      io.err(`podsim run: ${unknown ? `unknown flag ${unknown}` : 'expected one FILE'}\n\n${USAGE}`);
      return 2;
    }
    let end: number | undefined;
    if (until !== undefined) {
      const d = tryParseDuration(until);
      if (!d.ok) {
        io.err(`podsim run: --until ${until}: ${d.message}\n`);
        return 2;
      }
      end = d.seconds;
    }
    const s = load(args[0], io);
    if (typeof s === 'number') return s;
    // stream the lines: nothing needs them kept in memory
    tuneV8ForRun();
    const sim = new Simulation(s, { keepObservations: false });
    let buf = '';
    const flush = () => {
      io.out(buf);
      buf = '';
    };
    sim.onObservation((o, line) => {
      buf += (json ? line ?? JSON.stringify(o) : formatLine(o)) + '\n';
      if (buf.length > 1 << 16) flush();
    });
    sim.runToEnd(end ?? s.duration);
    flush();
    return 0;
  }
  if (cmd === 'kubectl') {
    const dd = rest.indexOf('--');
    if (dd < 0) {
      io.err(`podsim kubectl: put the kubectl arguments after --\n\n${USAGE}`);
      return 2;
    }
    const head = rest.slice(0, dd);
    const kargs = rest.slice(dd + 1);
    const at = takeFlag(head, '--at');
    if (at === null || at === undefined || head.length !== 1 || !kargs.length) {
      io.err(`podsim kubectl: expected FILE --at DURATION -- ARGS...\n\n${USAGE}`);
      return 2;
    }
    const d = tryParseDuration(at);
    if (!d.ok) {
      io.err(`podsim kubectl: --at ${at}: ${d.message}\n`);
      return 2;
    }
    const s = load(head[0], io);
    if (typeof s === 'number') return s;
    const sim = new Simulation(s);
    sim.advanceTo(d.seconds);
    const line = ['kubectl', ...kargs.map((a) => (/[\s"'\\]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a))].join(' ');
    const out = sim.run(line);
    io.out(out.stdout);
    io.err(out.stderr);
    return out.exitCode === 0 ? 0 : 1;
  }
  io.err(`podsim: unknown command "${cmd}"\n\n${USAGE}`);
  return 2;
}

// for the bench and scripts that drive the engine from Node
export { Simulation } from '../engine/simulation';
export { loadScenario } from '../scenario/load-scenario';
export { simulationAt, Timeline } from '../engine/seek';
