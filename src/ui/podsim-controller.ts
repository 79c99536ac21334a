/**
 * Glue between the session (simulation + transport), the canvas and the panels:
 * the animation loop, the console, and the signals the Solid components read.
 * One controller per mounted simulator.
 */
import { batch, createSignal } from 'solid-js';
import type { CommandOutput, SimSnapshot } from '../engine/simulation-api';
import type { Observation } from '../engine/observations';
import { formatProblem, type ScenarioProblem, type Scenario, type LocalizedText } from '../scenario/model';
import { Simulation } from '../engine/simulation';
import { SimSession, type SessionChange } from './sim-session';
import { Announcer } from './announcer';
import type { ClusterRenderer, Selection } from '../render/cluster-renderer';
import { localized, translate, type Lang } from './i18n/i18n';
import './i18n/messages';
import { langSwitcher } from './i18n/lang-loading';
import { commandLimitProblem } from '../scenario/limits';
import { isNotLoaded, loadKubectlPrinters } from './kubectl-on-demand';
import { codeForCommand, codeForText, partsMissingForCommand, PartFetchError, type CodePart } from './code-for-load';

export interface ConsoleEntry {
  id: number;
  kind: 'command' | 'stdout' | 'stderr' | 'info';
  text: string;
  /** virtual time the command ran at */
  at?: number;
}

export type { BundledScenario } from './bundled-scenarios';

export interface ScrubMark {
  t: number;
  kind: 'warning' | 'normal' | 'command';
  label: string;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

interface Follow {
  /** the command re-run to follow (without -f / -w) */
  command: string;
  kind: 'logs' | 'watch';
  printed: string[];
}

let nextId = 1;

/** @deprecated use `localized(t, lang)` from ./i18n/i18n */
export function text(t: LocalizedText | undefined, lang: Lang = 'en'): string {
  return localized(t, lang);
}

export class PodsimController {
  readonly session = new SimSession();
  readonly announcer = new Announcer((key, params) => this.t(key, params));
  renderer: ClusterRenderer | null = null;

  readonly time = createSignal(0);
  readonly playing = createSignal(false);
  readonly speed = createSignal(1);
  readonly scenario = createSignal<Scenario | null>(null, { equals: false });
  readonly problems = createSignal<{ file: string; lines: string[]; problems: ScenarioProblem[] } | null>(null);
  readonly consoleEntries = createSignal<ConsoleEntry[]>([]);
  readonly commandHistory: string[] = [];
  /** every console line since the last load or restart, with its virtual time: what a share link replays (src/ui/share) */
  readonly commandLog: { at: number; run: string; stdin?: string }[] = [];
  readonly snapshot = createSignal<SimSnapshot | null>(null, { equals: false });
  readonly selection = createSignal<Selection | null>(null);
  readonly marks = createSignal<ScrubMark[]>([]);
  readonly live = createSignal('');
  readonly canvasError = createSignal<string | null>(null);
  readonly following = createSignal<string | null>(null);
  readonly reducedMotion = createSignal(false);
  /** the UI language (kubectl output stays English) */
  readonly lang = createSignal<Lang>('en');
  /** switch the UI language once its texts are fetched (./i18n/lang-loading.ts) */
  readonly switchLang = langSwitcher((l) => this.lang[1](l));
  /** the source text of the loaded scenario (for the editor) */
  readonly source = createSignal({ text: '', file: '' });
  /** counts loads and restarts: a new history starts (the embed's events start over) */
  readonly generation = createSignal(0);

  private raf = 0;
  private lastWall = 0;
  private dirty = true;
  private resetPending = true;
  private pendingObs: Observation[] = [];
  private lastSnapWall = 0;
  private lastSnapCost = 0;
  private follow: Follow | null = null;
  private liveQueue: string[] = [];
  private liveAt = 0;
  private marksJob = 0;
  /** counts console lines run: a late answer may start following only if none came after it */
  private execs = 0;
  private destroyed = false;
  /** off-screen or hidden: no frames, virtual time stands still (playing stays as it was) */
  private suspended = false;
  /** JS time of whole frames (engine + canvas), ms */
  readonly frameTimes: number[] = [];
  /** time the engine took to produce each snapshot, ms */
  readonly engineSnapshotTimes: number[] = [];
  /** time the engine took to advance in each frame, ms */
  readonly advanceTimes: number[] = [];

  constructor() {
    this.session.onChange((c) => this.onSessionChange(c));
  }

  // ---- loading

  /**
   * Load as `load` does, after fetching what the text needs and is not in yet
   * (code-for-load.ts): the scenario loader for a text with no build-time model, the shell
   * runtime for a scenario that runs scripts or programs. At once (not a promise) when nothing
   * is to be fetched. What the page's own controls and loaders use.
   */
  loadPrepared(textIn: string, file = 'scenario.yaml'): { ok: boolean; problems: string[] } | Promise<{ ok: boolean; problems: string[] }> {
    let fetching: Promise<void> | null;
    try {
      fetching = codeForText(textIn, file);
    } catch {
      // a bug in the loader: `load` says it
      fetching = null;
    }
    if (!fetching) return this.load(textIn, file);
    return fetching.then(
      () => this.load(textIn, file),
      (e: unknown) => {
        const msg = `${file}:1:1: ${this.fetchFailed(e)}`;
        this.problems[1]({ file, lines: [msg], problems: [{ file, line: 1, column: 1, message: msg }] });
        return { ok: false, problems: [msg] };
      },
    );
  }

  /** what the learner reads when code fetched on demand did not arrive */
  private fetchFailed(e: unknown): string {
    const part: CodePart = e instanceof PartFetchError ? e.part : 'runtime';
    const error = e instanceof PartFetchError && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    return this.t(part === 'loader' ? 'console.loaderLoadFailed' : 'console.runtimeLoadFailed', { error });
  }

  load(textIn: string, file = 'scenario.yaml'): { ok: boolean; problems: string[] } {
    let r;
    try {
      r = this.session.load(textIn, file);
    } catch (e) {
      // a bug in the loader must not blank the page
      const msg = this.t('console.loadCrashed', { file, error: e instanceof Error ? e.message : String(e) });
      this.problems[1]({ file, lines: [msg], problems: [{ file, line: 1, column: 1, message: String(e) }] });
      return { ok: false, problems: [msg] };
    }
    if (!r.ok) {
      const lines = r.problems.map(formatProblem);
      this.problems[1]({ file, lines, problems: r.problems });
      return { ok: false, problems: lines };
    }
    batch(() => {
      this.problems[1](null);
      this.scenario[1](r.scenario);
      this.source[1]({ text: textIn, file });
      this.selection[1](null);
      this.playing[1](false);
      this.closeFollow();
      this.consoleEntries[1]([]);
      this.commandLog.length = 0;
      this.generation[1]((g) => g + 1);
    });
    this.announcer.reset();
    this.renderer?.refit();
    this.info(this.t('console.loaded', { file, title: localized(r.scenario.title, this.lang[0]()) || r.scenario.name }));
    this.computeMarks();
    this.wake();
    return { ok: true, problems: [] };
  }

  // ---- transport

  play(): void {
    if (!this.session.sim) return;
    if (this.session.time() >= this.session.duration) return;
    this.playing[1](true);
    this.lastWall = performance.now();
    this.wake();
  }

  pause(): void {
    this.playing[1](false);
    this.wake();
  }

  toggle(): void {
    if (this.playing[0]()) this.pause();
    else this.play();
  }

  setSpeed(s: number): void {
    this.speed[1](Math.max(0.25, Math.min(64, s)));
  }

  seek(t: number): void {
    this.session.seek(Math.max(0, Math.min(t, Math.max(this.session.duration, t))));
    this.wake();
  }

  stepNext(): number | null {
    this.pause();
    const t = this.session.stepNext();
    this.wake();
    return t;
  }

  stepPrev(): number | null {
    this.pause();
    const t = this.session.stepPrev();
    this.wake();
    return t;
  }

  restart(): void {
    this.pause();
    this.session.restart();
    this.commandLog.length = 0;
    this.generation[1]((g) => g + 1);
    this.closeFollow();
    this.info(this.t('console.restarted'));
    this.computeMarks();
    this.wake();
  }

  // ---- console

  /** Run a console line: kubectl ..., sim ..., clear, help. Shown in the console and kept in its history. */
  exec(line: string, stdin?: string): CommandOutput {
    line = line.trim();
    if (!line) return { stdout: '', stderr: '', exitCode: 0 };
    this.execs++;
    if (this.commandHistory[this.commandHistory.length - 1] !== line) this.commandHistory.push(line);
    this.commandLog.push(stdin === undefined ? { at: this.session.time(), run: line } : { at: this.session.time(), run: line, stdin });
    this.closeFollow();
    if (line === 'clear') {
      this.consoleEntries[1]([]);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const at = this.session.time();
    this.push({ kind: 'command', text: line, at });
    if (line === 'help') {
      const out = `${this.t('help.commands')}\n${HELP}${this.t('help.keys')}\n`;
      this.push({ kind: 'info', text: out });
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    const words = line.split(/\s+/);
    if (words[0] !== 'kubectl' && words[0] !== 'sim') {
      const err = this.t('console.notFound', { command: words[0] }) + '\n';
      this.push({ kind: 'stderr', text: err });
      return { stdout: '', stderr: err, exitCode: 127 };
    }
    let follow: Follow | null = null;
    let run = line;
    if (words[0] === 'kubectl' && (words[1] === 'logs' || words[1] === 'get')) {
      const flag = words[1] === 'logs' ? /^(-f|--follow(=true)?)$/ : /^(-w|--watch(=true)?)$/;
      if (words.some((w) => flag.test(w))) {
        run = words.filter((w) => !flag.test(w)).join(' ');
        follow = { command: run, kind: words[1] === 'logs' ? 'logs' : 'watch', printed: [] };
      }
    }
    const missing = this.session.sim ? partsMissingForCommand(run) : [];
    if (missing.length) {
      const loading = this.t(missing.includes('runtime') ? 'console.runtimeLoading' : 'console.loaderLoading');
      this.runWhenCodeLoaded(run, stdin, loading);
      return { stdout: '', stderr: loading + '\n', exitCode: 1 };
    }
    let out: CommandOutput;
    try {
      // kubectl scale --replicas=1000000 would freeze the tab (src/scenario/limits.ts)
      const over = commandLimitProblem(run);
      out = over ? { stdout: '', stderr: over, exitCode: 1 } : this.session.run(run, stdin);
    } catch (e) {
      out = { stdout: '', stderr: this.t('console.internalError', { error: e instanceof Error ? e.message : String(e) }) + '\n', exitCode: 1 };
    }
    if (isNotLoaded(out) && this.session.sim) {
      this.printWhenLoaded(run, stdin, line, follow);
      return out;
    }
    if (out.stdout) this.push({ kind: 'stdout', text: out.stdout });
    if (out.stderr) this.push({ kind: 'stderr', text: out.stderr });
    if (follow && out.exitCode === 0) {
      follow.printed = out.stdout.split('\n').filter((l) => l !== '');
      this.follow = follow;
      this.following[1](line);
    }
    this.wake();
    return out;
  }

  /**
   * A command that runs code in a container (kubectl exec, apply, set image...) or reads
   * manifests (kubectl apply) typed before that code arrived (code-for-load.ts): the clock
   * stops, "loading…" shows, and the command runs at the instant it was typed once it is in.
   */
  private runWhenCodeLoaded(run: string, stdin: string | undefined, loading: string): void {
    const wasPlaying = this.playing[0]();
    this.pause();
    const id = this.push({ kind: 'info', text: loading });
    const generation = this.generation[0]();
    (codeForCommand(run) ?? Promise.resolve()).then(
      () => {
        if (this.destroyed || generation !== this.generation[0]()) return;
        let out: CommandOutput;
        try {
          out = this.session.run(run, stdin);
        } catch (e) {
          out = { stdout: '', stderr: this.t('console.internalError', { error: e instanceof Error ? e.message : String(e) }) + '\n', exitCode: 1 };
        }
        this.replaceEntry(id, [
          ...(out.stdout ? [{ kind: 'stdout' as const, text: out.stdout }] : []),
          ...(out.stderr ? [{ kind: 'stderr' as const, text: out.stderr }] : []),
        ]);
        if (wasPlaying) this.play();
        this.wake();
      },
      (e: unknown) => {
        this.replaceEntry(id, [{ kind: 'stderr', text: this.fetchFailed(e) + '\n' }]);
      },
    );
  }

  /**
   * A kubectl read run before kubectl's printers arrived (kubectl-on-demand.ts): "loading…"
   * now, then in its place the output as of the instant it was run — from a copy of the
   * simulation taken now, as time may run on meanwhile.
   */
  private printWhenLoaded(run: string, stdin: string | undefined, line: string, follow: Follow | null): void {
    const frozen = this.session.sim!.clone();
    const id = this.push({ kind: 'info', text: this.t('console.kubectlLoading') });
    const execs = this.execs;
    loadKubectlPrinters().then(
      () => {
        let out: CommandOutput;
        try {
          out = frozen.run(run, stdin);
        } catch (e) {
          out = { stdout: '', stderr: this.t('console.internalError', { error: e instanceof Error ? e.message : String(e) }) + '\n', exitCode: 1 };
        }
        const shown = this.replaceEntry(id, [
          ...(out.stdout ? [{ kind: 'stdout' as const, text: out.stdout }] : []),
          ...(out.stderr ? [{ kind: 'stderr' as const, text: out.stderr }] : []),
        ]);
        if (follow && shown && out.exitCode === 0 && execs === this.execs && !this.destroyed) {
          follow.printed = out.stdout.split('\n').filter((l) => l !== '');
          this.follow = follow;
          this.following[1](line);
          this.wake();
        }
      },
      (e: unknown) => {
        this.replaceEntry(id, [{ kind: 'stderr', text: this.t('console.kubectlLoadFailed', { error: e instanceof Error ? e.message : String(e) }) + '\n' }]);
      },
    );
  }

  /** put `entries` where entry `id` is (false when it is gone: cleared, reloaded) */
  private replaceEntry(id: number, entries: Omit<ConsoleEntry, 'id'>[]): boolean {
    const list = this.consoleEntries[0]();
    const i = list.findIndex((e) => e.id === id);
    if (i < 0) return false;
    const next = list.slice();
    next.splice(i, 1, ...entries.map((e) => ({ id: nextId++, ...e })));
    this.consoleEntries[1](next);
    return true;
  }

  closeFollow(): void {
    if (this.follow) {
      this.follow = null;
      this.following[1](null);
    }
  }

  private updateFollow(): void {
    const f = this.follow;
    if (!f || !this.session.sim) return;
    const out = this.session.sim.run(f.command);
    const lines = out.stdout.split('\n').filter((l) => l !== '');
    if (f.kind === 'logs') {
      // a new container instance starts a new log: kubectl logs -f would have ended; keep following the new one
      const fresh = lines.length >= f.printed.length && f.printed.every((l, i) => lines[i] === l) ? lines.slice(f.printed.length) : lines;
      if (fresh.length) this.push({ kind: 'stdout', text: fresh.join('\n') + '\n' });
      f.printed = lines;
    } else {
      // kubectl get -w prints a row again whenever its object changed
      const before = new Map(f.printed.slice(1).map((l) => [l.split(/\s+/)[0], l]));
      const rows = lines.slice(1).filter((l) => {
        const prev = before.get(l.split(/\s+/)[0]);
        return prev === undefined || stripAge(prev) !== stripAge(l);
      });
      if (rows.length) this.push({ kind: 'stdout', text: rows.join('\n') + '\n' });
      f.printed = lines;
    }
  }

  info(textIn: string): void {
    this.push({ kind: 'info', text: textIn });
  }

  /** a catalogue message in the UI language (src/ui/i18n/messages-*.ts) */
  t(key: string, params?: Record<string, string | number>): string {
    return translate(this.lang[0](), key, params);
  }

  private push(e: Omit<ConsoleEntry, 'id'>): number {
    const list = this.consoleEntries[0]();
    const next = list.length > 400 ? list.slice(list.length - 300) : list.slice();
    const id = nextId++;
    next.push({ id, ...e });
    this.consoleEntries[1](next);
    return id;
  }

  // ---- selection

  select(sel: Selection | null): void {
    this.selection[1](sel);
    this.renderer?.select(sel);
    if (sel?.kind === 'pod') this.renderer?.reveal(sel.pod);
    this.wake();
  }

  // ---- the loop

  attachRenderer(r: ClusterRenderer): void {
    this.renderer = r;
    r.setReducedMotion(this.reducedMotion[0]());
    this.resetPending = true;
    this.dirty = true;
    const sel = this.selection[0]();
    if (sel) r.select(sel);
    this.wake();
  }

  /** Stop (or resume) the loop while the simulator cannot be seen; resuming does not jump time. */
  setSuspended(on: boolean): void {
    if (on === this.suspended) return;
    this.suspended = on;
    if (on) {
      if (this.raf) globalThis.cancelAnimationFrame?.(this.raf);
      this.raf = 0;
    } else {
      this.lastWall = performance.now();
      this.dirty = true;
      this.wake();
    }
  }

  isSuspended(): boolean {
    return this.suspended;
  }

  /** make sure a frame runs soon */
  wake(): void {
    if (this.destroyed || this.raf || this.suspended) return;
    const raf = globalThis.requestAnimationFrame;
    if (!raf) return;
    this.raf = raf((t) => {
      this.raf = 0;
      this.tick(t);
    });
  }

  private onSessionChange(c: SessionChange): void {
    if (c.reset) {
      this.resetPending = true;
      this.pendingObs = [];
    } else this.pendingObs.push(...c.observations);
    // probe ticks change no observation but move the probe chips: a snapshot is due either way
    if (c.reset || c.observations.length || c.ticked) this.dirty = true;
  }

  /**
   * For the bench: run `n` frames back to back as if the display ticked every `dtMs`,
   * without waiting for requestAnimationFrame (a software-rendered headless browser
   * paces rAF by its slow rasterizer, not by the page's JavaScript). Returns each
   * frame's JS time in ms.
   */
  benchFrames(n: number, dtMs = 1000 / 60): number[] {
    const out: number[] = [];
    let wall = this.lastWall || performance.now();
    for (let i = 0; i < n; i++) {
      wall += dtMs;
      const t0 = performance.now();
      this.tick(wall);
      out.push(performance.now() - t0);
      // let the GPU finish between frames, as a display refresh would; a software
      // rasterizer otherwise stalls the next frame's buffer uploads
      this.renderer?.drainGpu();
    }
    this.lastWall = performance.now();
    return out;
  }

  private tick(wall: number): void {
    if (this.destroyed) return;
    const t0 = performance.now();
    const playing = this.playing[0]();
    if (playing) {
      const dtWall = Math.min(0.1, Math.max(0, (wall - this.lastWall) / 1000));
      const target = Math.min(this.session.duration, this.session.time() + dtWall * this.speed[0]());
      const a0 = performance.now();
      this.session.advanceTo(target);
      this.advanceTimes.push(performance.now() - a0);
      if (this.advanceTimes.length > 600) this.advanceTimes.splice(0, this.advanceTimes.length - 600);
      if (target >= this.session.duration) this.playing[1](false);
    }
    this.lastWall = wall;
    const now = this.session.time();
    if (this.time[0]() !== now) this.time[1](now);
    // A fresh snapshot when something changed, at most ~8 times a second while playing; a
    // big cluster's snapshot is costly, so then they are spaced to keep them under ~1/8
    // of the time (the picture lags a little, the simulation does not).
    const spacing = Math.max(120, 10 * this.lastSnapCost);
    // log lines and request counters change without an engine task: refresh now and then while playing
    if (playing && wall - this.lastSnapWall > Math.max(400, 2 * spacing)) this.dirty = true;
    if (this.dirty && (this.resetPending || !playing || wall - this.lastSnapWall > spacing || (this.pendingObs.length > 0 && wall - this.lastSnapWall > spacing / 2))) {
      this.dirty = false;
      this.lastSnapWall = wall;
      const e0 = performance.now();
      const snap = this.session.snapshot();
      this.lastSnapCost = performance.now() - e0;
      this.engineSnapshotTimes.push(this.lastSnapCost);
      if (this.engineSnapshotTimes.length > 200) this.engineSnapshotTimes.splice(0, this.engineSnapshotTimes.length - 200);
      const reset = this.resetPending;
      this.resetPending = false;
      const obs = this.pendingObs;
      this.pendingObs = [];
      if (snap) {
        this.renderer?.setSnapshot(snap, reset);
        this.snapshot[1](snap);
        if (reset) this.announcer.prime(snap);
        else if (obs.length) this.say(this.announcer.describe(obs, snap), wall);
        if (this.follow && !reset) this.updateFollow();
      }
    }
    this.flushLive(wall);
    const busy = this.renderer ? this.renderer.frame(now, playing) : false;
    this.frameTimes.push(performance.now() - t0);
    if (this.frameTimes.length > 600) this.frameTimes.splice(0, this.frameTimes.length - 600);
    if (this.playing[0]() || busy || this.dirty || this.liveQueue.length) this.wake();
  }

  // ---- live region: at most one message a second, so a screen reader can keep up

  private say(lines: string[], wall: number): void {
    if (!lines.length) return;
    this.liveQueue.push(...lines);
    this.flushLive(wall);
  }

  private flushLive(wall: number): void {
    if (!this.liveQueue.length || wall - this.liveAt < 1000) return;
    this.liveAt = wall;
    const q = this.liveQueue;
    this.liveQueue = [];
    const shown = q.slice(-3);
    const more = q.length - shown.length;
    const end = more === 0 ? this.t('live.end') : more === 1 ? this.t('live.more.one') : this.t('live.more', { n: more });
    this.live[1](shown.join(this.t('live.sep')) + end);
  }

  // ---- scrubber marks: a background run of the whole scenario with the typed commands

  computeMarks(): void {
    const scenario = this.session.scenario;
    if (!scenario) return;
    const job = ++this.marksJob;
    const typed = [...this.session.typed];
    const sim = new Simulation(scenario);
    const marks: ScrubMark[] = typed.map((c) => ({ t: c.at, kind: 'command' as const, label: c.run }));
    let i = 0;
    let t = 0;
    const step = () => {
      if (job !== this.marksJob || this.destroyed) return;
      const deadline = performance.now() + 12;
      try {
        while (t < scenario.duration && performance.now() < deadline) {
          const to = Math.min(scenario.duration, t + 15);
          for (const c of typed) if (c.at > t && c.at <= to) {
            sim.advanceTo(c.at);
            sim.run(c.run, c.stdin);
          }
          sim.advanceTo(to);
          t = to;
        }
      } catch {
        return;
      }
      const obs = sim.observations();
      for (; i < obs.length; i++) {
        const o = obs[i];
        if (o.type === 'event') marks.push({ t: o.t, kind: o.eventType === 'Warning' ? 'warning' : 'normal', label: `${o.reason} ${o.object}` });
      }
      if (t < scenario.duration) setTimeout(step, 0);
      else this.marks[1](marks);
    };
    setTimeout(step, 0);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.raf) globalThis.cancelAnimationFrame?.(this.raf);
    this.renderer?.destroy();
    this.renderer = null;
  }
}

function stripAge(row: string): string {
  // the AGE column changes every second; a watch prints rows whose other columns changed
  return row.replace(/\s+\S+\s*$/, '');
}

/** the synopsis of the console's commands (command words stay English in every language) */
const HELP = `  kubectl get pods|svc|endpoints|deploy|rs|events|nodes [-o wide|yaml|json] [-w]
  kubectl describe pod NAME        kubectl logs POD [-c C] [--previous] [-f]
  kubectl top pod|node             kubectl exec POD [-c C] -- touch|rm FILE
  kubectl delete pod NAME          kubectl scale deploy NAME --replicas=N
  sim probe POD[/C] readiness|liveness|startup fail|pass|auto
  sim http POD[/C] PATH STATUS     sim tcp POD[/C] PORT open|closed
  sim hang POD[/C] on|off          sim crash POD[/C] [CODE]
  sim cpu|memory POD[/C] QUANTITY  clear
`;
