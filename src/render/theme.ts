/**
 * Colours of the canvas. Colour is never the only signal: every state also has a
 * shape (see pod-card.ts) and a text label; these only reinforce them.
 */
import type { PodLook } from './pod-visual';

export const theme = {
  background: 0x0d1117,
  node: 0x161b22,
  nodeBorder: 0x30363d,
  text: 0xe6edf3,
  muted: 0x9da7b3,
  ok: 0x3fb950,
  warn: 0xd29922,
  bad: 0xf85149,
  info: 0x58a6ff,
  purple: 0xbc8cff,
  grey: 0x8b949e,
  card: 0x1c2230,
  selection: 0xffffff,
  bar: 0x2d333b,
};

export const lookColour: Record<PodLook, number> = {
  pending: theme.grey,
  creating: theme.info,
  init: theme.info,
  ready: theme.ok,
  notready: theme.warn,
  crashloop: theme.bad,
  terminating: theme.purple,
  completed: theme.grey,
  failed: theme.bad,
};

export const probeColour = (last: 'Success' | 'Failure' | null): number => (last === 'Success' ? theme.ok : last === 'Failure' ? theme.bad : theme.grey);
