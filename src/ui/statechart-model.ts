/**
 * What the statechart view reads from an xstate machine definition: nested states,
 * their transitions, and which of them the active state value passes through.
 */
/** the parts of an xstate StateNode this view reads */
export interface StateNodeLike {
  key: string;
  path: string[];
  states: Record<string, StateNodeLike>;
  transitions: Map<string, { target?: readonly StateNodeLike[] | undefined; guard?: unknown }[]>;
}

export interface MachineLike {
  id: string;
  root: StateNodeLike;
}

/** "Waiting.CrashLoopBackOff" → is path ["Waiting"] active? */
export function isActive(path: string[], active: string): boolean {
  const parts = active.split('.');
  return path.length <= parts.length && path.every((p, i) => parts[i] === p);
}

export interface TransitionRow {
  event: string;
  targets: string;
}

export function transitionsOf(node: StateNodeLike): TransitionRow[] {
  const rows: TransitionRow[] = [];
  for (const [event, defs] of node.transitions) {
    const targets = [...new Set(defs.flatMap((d) => (d.target ?? []).map((t) => t.path.join('.'))))];
    rows.push({ event, targets: targets.length ? targets.join(' | ') : '(stays)' });
  }
  return rows;
}

