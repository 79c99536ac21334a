/**
 * Scripts the simulated shell cannot run, reported when the scenario loads. For every
 * container and init container whose command+args form a shell script and that no
 * `apps` entry describes, the script is compiled; each construct outside podsim's
 * shell subset becomes a problem at its place in the file.
 *
 * Which scripts are checked, by image:
 * - a shell image (busybox, alpine...): everything, including commands the shell does
 *   not simulate (`python` is not in busybox either: the container would fail);
 * - an image podsim does not know: constructs only. Its own programs (`python app.py`)
 *   exist in the real image, so podsim runs such a script as a plain long-running server
 *   (app-behaviour.ts), and unknown commands are no problem;
 * - a well-known image without a shell behaviour (nginx, redis...): nothing; podsim runs
 *   the image's program, not the script.
 */
import type { ScenarioProblem } from './model';
import type { PathSegment, YamlDocument } from './yaml-documents';
import { LineIndex } from './yaml-documents';
import { compileShell } from '../engine/apps/shell/compile';
import { parseShellInvocation } from '../engine/apps/shell/command-to-script';
import { wellKnownFor } from '../engine/apps/well-known-images';
import type { Container } from 'kubernetes-types/core/v1';

const POD_SPEC: Record<string, PathSegment[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
};

function get(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** where in the file a place of the script is: the construct's text searched in the scalar as written */
function positionIn(source: string, lines: LineIndex, span: { start: { line: number; column: number }; startOffset: number; endOffset: number }, script: string, line: number, column: number) {
  const scriptLine = script.split('\n')[line - 1] ?? '';
  const raw = source.slice(span.startOffset, span.endOffset);
  for (const len of [24, 12, 6, 3, 1]) {
    const snippet = scriptLine.slice(column - 1, column - 1 + len);
    if (!snippet.trim()) continue;
    // the n-th occurrence in the script is most likely the n-th in the text
    const before = script.split('\n').slice(0, line - 1).join('\n') + (line > 1 ? '\n' : '') + scriptLine.slice(0, column - 1);
    let nth = 0;
    for (let i = before.indexOf(snippet); i !== -1; i = before.indexOf(snippet, i + 1)) nth++;
    let at = -1;
    for (let k = 0, from = 0; k <= nth; k++) {
      at = raw.indexOf(snippet, from);
      if (at === -1) break;
      from = at + 1;
    }
    if (at !== -1) return lines.position(span.startOffset + at);
  }
  return span.start;
}

export interface ScriptCheckContext {
  file: string;
  source: string;
  /** the scenario's `apps` keys ("pod/container", "deployment/container") */
  appKeys: ReadonlySet<string>;
}

export function shellScriptProblems(doc: YamlDocument, ctx: ScriptCheckContext): ScenarioProblem[] {
  const value = doc.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object') return [];
  const base = POD_SPEC[String(value.kind)];
  if (!base) return [];
  const owner = String(get(value, ['metadata', 'name']) ?? '');
  const lines = new LineIndex(ctx.source);
  const problems: ScenarioProblem[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = get(value, [...base, list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((raw, k) => {
      const c = raw as Container;
      if (!c || typeof c !== 'object' || typeof c.name !== 'string') return;
      if (ctx.appKeys.has(`${owner}/${c.name}`)) return;
      const command = isStringList(c.command) ? c.command : undefined;
      const args = isStringList(c.args) ? c.args : undefined;
      const inv = parseShellInvocation(command, args);
      if (!inv) return;
      const known = wellKnownFor(c);
      if (known && !known.shell) return;
      const compiled = compileShell(inv.script, { unknownCommands: known?.shell ? 'problem' : 'not-found' });
      if (compiled.ok) return;
      const argv = [...(command ?? []), ...(args ?? [])];
      let idx = argv.lastIndexOf(inv.script);
      if (idx < 0) idx = 0;
      const cmdLen = command?.length ?? 0;
      const path: PathSegment[] = idx < cmdLen ? [...base, list, k, 'command', idx] : [...base, list, k, 'args', idx - cmdLen];
      const field = `${base.join('.')}.${list}[${k}].${idx < cmdLen ? `command[${idx}]` : `args[${idx - cmdLen}]`}`;
      const span = doc.valueSpan(path);
      for (const p of compiled.problems) {
        const pos = span ? positionIn(ctx.source, lines, span, inv.script, p.line, p.column) : doc.locate(path);
        problems.push({
          file: ctx.file,
          line: pos.line,
          column: pos.column,
          path: field,
          message: `container "${c.name}": its script (line ${p.line}) is outside podsim's shell: ${p.message} (an \`apps\` entry keyed "${owner}/${c.name}")`,
        });
      }
    });
  }
  return problems;
}
