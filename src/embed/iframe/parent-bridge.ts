/**
 * The iframe page talking to the page around it, over postMessage, with origin checks.
 *
 * Out: every UI event of the simulator (src/ui/ui-events.ts) as
 *   {source: 'podsim', type, detail}
 * posted to the parent's origin only: `?origin=` when given, else the origin of
 * `document.referrer`. Never to '*': the details can carry a share link's scenario.
 * Without a known origin nothing is posted and no command is taken.
 *
 * In: {source: 'podsim', method, args?, id?} from `window.parent` at that origin only;
 * anything else (another window, another origin, another shape) is ignored without a
 * reply. Each command gets one reply, to the same origin:
 *   {source: 'podsim', type: 'reply', id, method, ok: true, result}
 *   {source: 'podsim', type: 'reply', id, method, ok: false, error}
 */
import type { PodsimUiListener } from '../../ui/ui-events';
import { parseTime } from '../embed-attributes';

export const METHODS = ['play', 'pause', 'seek', 'run', 'load', 'setSpeed', 'state'] as const;
export type BridgeMethod = (typeof METHODS)[number];

/** what the bridge needs of the mount handle */
export interface BridgeHandle {
  play(): void;
  pause(): void;
  playing(): boolean;
  seek(seconds: number): void;
  time(): number;
  duration(): number;
  setSpeed(speed: number): void;
  run(command: string, stdin?: string): { stdout: string; stderr: string; exitCode: number };
  load(yamlText: string, file?: string): { ok: boolean; problems: string[] };
  on(listener: PodsimUiListener): () => void;
}

/** the parts of `window` used, so tests can hand in a stand-in */
export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/** the origin to talk to: `?origin=` (already checked), else the referrer's; null when neither is an http(s) origin */
export function parentOrigin(given: string | null, referrer: string): string | null {
  if (given) return given;
  try {
    const u = new URL(referrer);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

class CommandError extends Error {}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new CommandError(`${what} must be a string`);
  return v;
}

function call(handle: BridgeHandle, method: BridgeMethod, args: unknown[]): unknown {
  const state = () => ({ t: handle.time(), duration: handle.duration(), playing: handle.playing() });
  switch (method) {
    case 'play':
      handle.play();
      return state();
    case 'pause':
      handle.pause();
      return state();
    case 'seek': {
      const t = parseTime(typeof args[0] === 'number' || typeof args[0] === 'string' ? args[0] : null);
      if (t === null) throw new CommandError('seek takes a time: seconds (90) or a duration ("1m30s")');
      handle.seek(t);
      return state();
    }
    case 'setSpeed': {
      const s = args[0];
      if (typeof s !== 'number' || !(s > 0)) throw new CommandError('setSpeed takes a number from 0.25 to 64');
      handle.setSpeed(s);
      return state();
    }
    case 'run': {
      const command = str(args[0], 'the command');
      const stdin = args[1] === undefined ? undefined : str(args[1], 'stdin');
      const out = handle.run(command, stdin);
      return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
    }
    case 'load': {
      const text = str(args[0], 'the scenario YAML');
      const file = args[1] === undefined ? undefined : str(args[1], 'the file name');
      const r = handle.load(text, file);
      return { ok: r.ok, problems: [...r.problems] };
    }
    case 'state':
      return state();
  }
}

/**
 * Forward the handle's events to the parent and take its commands. Returns the
 * function that stops both.
 */
export function connectParent(handle: BridgeHandle, origin: string, win: BridgeWindow): () => void {
  const post = (message: Record<string, unknown>) => win.parent.postMessage({ source: 'podsim', ...message }, origin);
  const off = handle.on((e) => post({ type: e.type, detail: e.detail }));
  const onMessage = (e: MessageEvent) => {
    // only the page that embeds us, at the origin we were told, in our shape
    if (e.origin !== origin || e.source !== (win.parent as unknown)) return;
    const data = e.data as { source?: unknown; method?: unknown; args?: unknown; id?: unknown } | null;
    if (!data || typeof data !== 'object' || data.source !== 'podsim' || typeof data.method !== 'string') return;
    const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : null;
    const method = data.method;
    const reply = (r: { ok: true; result: unknown } | { ok: false; error: string }) => post({ type: 'reply', id, method, ...r });
    if (!(METHODS as readonly string[]).includes(method)) {
      reply({ ok: false, error: `unknown method ${JSON.stringify(method)}; the methods are ${METHODS.join(', ')}` });
      return;
    }
    const args = Array.isArray(data.args) ? data.args : data.args === undefined ? [] : [data.args];
    try {
      reply({ ok: true, result: call(handle, method as BridgeMethod, args) });
    } catch (err) {
      reply({ ok: false, error: err instanceof CommandError ? err.message : `podsim: internal error: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  win.addEventListener('message', onMessage);
  return () => {
    off();
    win.removeEventListener('message', onMessage);
  };
}
