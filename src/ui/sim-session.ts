/**
 * One learner's session with a scenario: the simulation, the commands the learner
 * typed (with the virtual time they were typed at) and the transport (play, seek,
 * step). No DOM here, so the same logic is tested in node.
 *
 * Seeking backwards re-runs the scenario from 0 with the typed commands replayed at
 * their times (the engine is deterministic, so the result is exact); seeking forwards
 * runs the live simulation on. Restart forgets the typed commands.
 */
import type { LoadResult, Scenario, Seconds } from '../scenario/model';
import type { CommandOutput, SimSnapshot } from '../engine/simulation-api';
import type { Observation } from '../engine/observations';
import { Simulation } from '../engine/simulation';
import { simulationAt, type TypedCommand } from '../engine/seek';
import { loadScenarioLoader } from '../scenario/scenario-loader';
import { fetchParts, loadAtHand, partsMissingFor } from './code-for-load';

/** a load (by a script, synchronously) of a scenario whose shell runtime is still being fetched */
export const RUNTIME_LOADING = 'podsim is still fetching the shell that runs this scenario\'s scripts; try again in a moment (scripts: await podsim.ready() first)';
/** a load (by a script, synchronously) of a text with no build-time model while the scenario loader is still being fetched */
export const LOADER_LOADING = 'podsim is still fetching the scenario loader that reads this text; try again in a moment (scripts: await podsim.ready() first)';

export type { TypedCommand };

/** What a listener hears after each change of time, scenario or state. */
export interface SessionChange {
  /** a new simulation object (load, restart, seek backwards): drop every cache */
  reset: boolean;
  /** observations that arrived since the last notification (empty after a reset) */
  observations: Observation[];
  /** the engine ran tasks (probe ticks etc.) even if nothing observable changed */
  ticked: boolean;
}

export type SessionListener = (change: SessionChange) => void;

/** an epsilon below the engine's time resolution, for "strictly before" */
const EPS = 1e-6;

export class SimSession {
  scenario: Scenario | null = null;
  text = '';
  file = '';
  sim: Simulation | null = null;
  /** commands typed by the learner (console and toggles), in time order */
  typed: TypedCommand[] = [];
  /** times of every observation of a full run (for the scrubber's marks); filled by `markTimes` */
  private listeners = new Set<SessionListener>();
  private pending: Observation[] = [];
  private ticked = false;
  private unsubscribe: (() => void) | null = null;

  /** Load a scenario from YAML text. On problems, the current scenario stays. */
  load(text: string, file = 'scenario.yaml'): LoadResult {
    // a bundled file's text runs on the model made of it at build time (prepared-scenarios.ts);
    // another text needs the loader, which a page fetches first (PodsimController.loadPrepared, handle.ready())
    const r = loadAtHand(text, file);
    if (!r) {
      void loadScenarioLoader().catch(() => undefined);
      return { ok: false, problems: [{ file, line: 1, column: 1, message: LOADER_LOADING }] };
    }
    if (!r.ok) return r;
    const missing = partsMissingFor(r.scenario);
    if (missing.length) {
      void fetchParts(missing)?.catch(() => undefined);
      return { ok: false, problems: [{ file, line: 1, column: 1, message: missing.includes('runtime') ? RUNTIME_LOADING : LOADER_LOADING }] };
    }
    this.text = text;
    this.file = file;
    this.scenario = r.scenario;
    this.typed = [];
    this.replace(new Simulation(r.scenario), 0);
    return r;
  }

  /** Back to time 0 of the same scenario, forgetting typed commands. */
  restart(): void {
    if (!this.scenario) return;
    this.typed = [];
    this.replace(new Simulation(this.scenario), 0);
  }

  get duration(): Seconds {
    return this.scenario?.duration ?? 0;
  }

  time(): Seconds {
    return this.sim ? this.sim.now() : 0;
  }

  snapshot(): SimSnapshot | null {
    return this.sim ? this.sim.snapshot() : null;
  }

  onChange(cb: SessionListener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Run forward to `t`, running the learner's commands that fall in between at their times. */
  advanceTo(t: Seconds): void {
    const sim = this.sim;
    if (!sim || t <= sim.now()) return;
    const before = sim.nextChangeAt();
    for (const c of this.typed) {
      if (c.at <= sim.now() + EPS || c.at > t) continue;
      sim.advanceTo(c.at);
      sim.run(c.run, c.stdin);
    }
    sim.advanceTo(t);
    if (before !== null && before <= t) this.ticked = true;
    this.flush(false);
  }

  /** Jump to any time: forwards by running on, backwards by re-running from 0. */
  seek(t: Seconds): void {
    if (!this.sim || !this.scenario) return;
    t = Math.max(0, t);
    if (t >= this.sim.now()) {
      this.advanceTo(t);
      return;
    }
    this.replace(simulationAt(this.scenario, this.typed, t), t);
  }

  /** Run one command of the command language now; it is kept for replay. */
  run(command: string, stdin?: string): CommandOutput {
    const sim = this.sim;
    if (!sim) return { stdout: '', stderr: 'error: no scenario loaded\n', exitCode: 1 };
    const at = sim.now();
    const out = sim.run(command, stdin);
    if (changesState(command)) {
      // keep the list in time order; a command typed after seeking back goes before later ones
      const entry: TypedCommand = stdin === undefined ? { at, run: command } : { at, run: command, stdin };
      let i = this.typed.length;
      while (i > 0 && this.typed[i - 1].at > at) i--;
      this.typed.splice(i, 0, entry);
    }
    this.ticked = true;
    this.flush(false);
    return out;
  }

  /** Read-only kubectl: `args` without the leading "kubectl". */
  kubectl(args: string): CommandOutput {
    return this.run(`kubectl ${args}`);
  }

  /**
   * Step to the next instant where something observable happens (a pod, endpoints
   * or event line), running the engine task by task. Returns the new time, or null
   * when nothing more happens before `limit`.
   */
  stepNext(limit: Seconds = Math.max(this.duration, this.time())): Seconds | null {
    const sim = this.sim;
    if (!sim) return null;
    const start = sim.observations().length;
    for (let guard = 0; guard < 100_000; guard++) {
      let next = sim.nextChangeAt();
      const typedNext = this.typed.find((c) => c.at > sim.now() + EPS)?.at;
      if (typedNext !== undefined && (next === null || typedNext < next)) next = typedNext;
      if (next === null || next > limit) break;
      if (next <= sim.now()) next = sim.now() + EPS;
      this.advanceTo(next);
      if (sim.observations().slice(start).some(isVisible)) return sim.now();
    }
    return null;
  }

  /** Step back to the latest instant before now where something observable happened. */
  stepPrev(): Seconds | null {
    const sim = this.sim;
    if (!sim) return null;
    const now = sim.now();
    const obs = sim.observations();
    for (let i = obs.length - 1; i >= 0; i--) {
      const o = obs[i];
      if (o.t < now - EPS && isVisible(o)) {
        this.seek(o.t);
        return o.t;
      }
    }
    if (now > 0) {
      this.seek(0);
      return 0;
    }
    return null;
  }

  private replace(sim: Simulation, t: Seconds): void {
    this.unsubscribe?.();
    this.sim = sim;
    this.pending = [];
    this.unsubscribe = sim.onObservation((o) => this.pending.push(o));
    if (t > 0 || sim.now() < t) sim.advanceTo(t);
    else sim.advanceTo(0);
    this.pending = [];
    this.ticked = false;
    for (const cb of this.listeners) cb({ reset: true, observations: [], ticked: true });
  }

  private flush(reset: boolean): void {
    if (!this.pending.length && !this.ticked && !reset) return;
    const change: SessionChange = { reset, observations: this.pending, ticked: this.ticked };
    this.pending = [];
    this.ticked = false;
    for (const cb of this.listeners) cb(change);
  }
}

/** observations a learner would call "something happened" (timeline commands alone are not) */
function isVisible(o: Observation): boolean {
  return o.type === 'pod' || o.type === 'endpoints' || o.type === 'event';
}

/** read-only commands need no replay */
export function changesState(command: string): boolean {
  const words = command.trim().split(/\s+/);
  if (words[0] === 'sim') return true;
  if (words[0] !== 'kubectl') return false;
  // the verb is the first word that is neither a flag nor a global flag's value (-n default)
  let verb: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server'].includes(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    verb = w;
    break;
  }
  return !['get', 'describe', 'logs', 'top', 'explain', 'version', 'api-resources', 'cluster-info'].includes(verb ?? '');
}
