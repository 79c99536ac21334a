// Writing to file descriptors: the container log (line-buffered), files, command-substitution
// buffers and the line filters on the right of a pipe.
import type { ShellHost } from './host';
import type { FilterSpec, OutTarget, PipeState, ShellState } from './state';

export function writeTarget(state: ShellState, host: ShellHost, target: OutTarget, text: string): void {
  if (text === '') return;
  switch (target.k) {
    case 'log': {
      const buf = state.partial[target.stream] + text;
      const lines = buf.split('\n');
      state.partial[target.stream] = lines.pop()!;
      for (const line of lines) host[target.stream](line);
      return;
    }
    case 'file':
      host.fs.write(target.path, text, true);
      return;
    case 'capture':
      // a background job may outlive the substitution whose output it inherited
      if (target.id in state.captures) state.captures[target.id] += text;
      return;
    case 'pipe':
      feedPipe(state, host, target.id, text);
      return;
    case 'null':
    case 'closed':
      return;
  }
}

/** Lines still in a log stream's buffer are written when the process exits. */
export function flushLogs(state: ShellState, host: ShellHost): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (state.partial[stream] !== '') host[stream](state.partial[stream]);
    state.partial[stream] = '';
  }
}

const regexCache = new Map<string, RegExp>();

function grepRegExp(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(pattern, flags);
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}

export function grepMatches(spec: FilterSpec & { k: 'grep' }, line: string): boolean {
  return grepRegExp(spec.pattern, spec.flags).test(line) !== spec.invert;
}

export function openPipe(state: ShellState, filter: FilterSpec, next: OutTarget): number {
  const id = state.nextId++;
  const pipe: PipeState = { filter, next, partial: '', n: 0, words: 0, chars: 0 };
  state.pipes[id] = pipe;
  return id;
}

function filterLine(state: ShellState, host: ShellHost, p: PipeState, line: string, eol: string): void {
  const f = p.filter;
  switch (f.k) {
    case 'grep':
      if (grepMatches(f, line)) {
        p.n++;
        if (!f.quiet && !f.count) writeTarget(state, host, p.next, line + '\n');
      }
      return;
    case 'wc':
      p.n += eol ? 1 : 0;
      p.words += line.split(/\s+/).filter(Boolean).length;
      return;
    case 'head':
      if (p.n < f.lines) {
        p.n++;
        writeTarget(state, host, p.next, line + eol);
      }
      return;
    case 'cat':
      writeTarget(state, host, p.next, line + eol);
      return;
    case 'tee':
      for (const path of f.paths) host.fs.write(path, line + eol, true);
      writeTarget(state, host, p.next, line + eol);
      return;
  }
}

function feedPipe(state: ShellState, host: ShellHost, id: number, text: string): void {
  const p = state.pipes[id];
  if (!p) return;
  p.chars += text.length;
  const lines = (p.partial + text).split('\n');
  p.partial = lines.pop()!;
  for (const line of lines) filterLine(state, host, p, line, '\n');
}

/** The writer ended: flush the last partial line and the filter's totals; returns its exit status. */
export function closePipe(state: ShellState, host: ShellHost, id: number): number {
  const p = state.pipes[id];
  if (!p) return 0;
  if (p.partial !== '') {
    const f = p.filter;
    // grep prints a matched unterminated last line with a newline, as GNU/busybox grep do
    filterLine(state, host, p, p.partial, f.k === 'grep' ? '\n' : '');
    p.partial = '';
  }
  const f = p.filter;
  let status = 0;
  if (f.k === 'grep') {
    if (f.count) writeTarget(state, host, p.next, `${p.n}\n`);
    status = p.n > 0 ? 0 : 1;
  } else if (f.k === 'wc') {
    const out = f.mode === 'l' ? `${p.n}` : f.mode === 'w' ? `${p.words}` : f.mode === 'c' ? `${p.chars}` : `${String(p.n).padStart(7)} ${String(p.words).padStart(7)} ${String(p.chars).padStart(7)}`;
    writeTarget(state, host, p.next, out + '\n');
  }
  delete state.pipes[id];
  if (p.next.k === 'pipe') {
    // the next filter's writer is this one: it ends too
    const nextStatus = closePipe(state, host, p.next.id);
    return nextStatus;
  }
  return status;
}
