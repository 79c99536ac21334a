/**
 * Taking a share link's payload from a running simulator, and bringing another one to
 * the same state: load the text, run every console command again at the virtual time it
 * was typed (seeking there first, backwards too, as the learner did), then seek to the
 * time shown. The engine is deterministic, so the same calls give the same state, the
 * same console and the same ↑/↓ history.
 */
import type { SharePayload } from './share-link';

/** what replaying needs of a simulator: a `PodsimHandle` has all of it */
export interface Replayable {
  load(text: string, file?: string): { ok: boolean; problems: string[] };
  seek(t: number): void;
  run(command: string, stdin?: string): unknown;
  setSpeed(speed: number): void;
}

/** what capturing needs of the controller */
export interface Capturable {
  source: [() => { text: string; file: string }, unknown];
  commandLog: readonly { at: number; run: string; stdin?: string }[];
  speed: [() => number, unknown];
  session: { time(): number };
}

export function capturePayload(ctl: Capturable): SharePayload {
  const src = ctl.source[0]();
  return {
    file: src.file || 'scenario.yaml',
    text: src.text,
    commands: ctl.commandLog.map((c) => ({ ...c })),
    t: ctl.session.time(),
    speed: ctl.speed[0](),
  };
}

export function replayShare(target: Replayable, p: SharePayload): { ok: boolean; problems: string[] } {
  const r = target.load(p.text, p.file);
  if (r.ok) replayCommands(target, p);
  return r;
}

/** the part after loading: for a simulator that was mounted with the payload's text already */
export function replayCommands(target: Omit<Replayable, 'load'>, p: SharePayload): void {
  for (const c of p.commands) {
    target.seek(c.at);
    target.run(c.run, c.stdin);
  }
  target.seek(p.t);
  target.setSpeed(p.speed);
}
