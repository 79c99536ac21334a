/**
 * The words the canvas draws itself, in English and Japanese. Kubernetes' own words stay
 * as Kubernetes spells them in both (Pending, Running, CrashLoopBackOff, reasons, probe
 * names, SIGKILL, the READY and RESTARTS columns), as the UI's catalogue does
 * (src/ui/i18n). A separate catalogue because src/render must not import from src/ui: the
 * UI hands the renderer its language (ClusterRenderer's `lang` option and `setLang`).
 *
 * Japanese follows the UI's (kubernetes.io/ja: 成功/失敗 for a Service's ok/failed counts,
 * 再起動, ノード) and is kept short: a label has a card's width (184 px), and a Japanese
 * character is about two Latin letters wide.
 *
 * `{name}` placeholders are filled from `params`; tests/render/canvas-words.test.ts checks
 * both languages have the same keys and the same placeholders.
 */
import type { PodLook } from './pod-visual';

export type CanvasLang = 'en' | 'ja';

export const en = {
  /** the clients beside a Service: two lines */
  'clients.rate': 'clients\n{rps} req/s',
  'clients.idle': 'clients\nidle',
  /** beside a Service's hexagon */
  'service.endpoints': '{ready}/{total} ready',
  'service.traffic': 'ok {ok}  failed {failed}',
  'service.noReady': 'no ready endpoints',
  /** a pod card's bottom line */
  'pod.restartIn': 'restart in {time}',
  'pod.killIn': 'SIGKILL in {time}',
  'pod.phase': 'phase {phase}',
  /** the region of pods no node took */
  'node.unscheduled': 'Pending: no node fits yet',
  /** a node's bars: requests of its pods / allocatable, then metrics-server's usage */
  'node.cpu': 'CPU {req}/{alloc}',
  'node.mem': 'MEM {req}/{alloc}',
  'node.use': ' use {use}',
  /** how many pods look so (a folded Deployment's lines, a Service's many-endpoint lines) */
  'count.ready': '{n} ready',
  'count.notready': '{n} not ready',
  'count.crashloop': '{n} back-off',
  'count.creating': '{n} starting',
  'count.init': '{n} init',
  'count.pending': '{n} pending',
  'count.terminating': '{n} terminating',
  'count.completed': '{n} completed',
  'count.failed': '{n} failed',
  'group.unfold': '(click to unfold)',
};

export type CanvasWordKey = keyof typeof en;

export const ja: Record<CanvasWordKey, string> = {
  'clients.rate': 'クライアント\n{rps} 件/秒',
  'clients.idle': 'クライアント\n待機中',
  'service.endpoints': 'Ready {ready}/{total}',
  'service.traffic': '成功 {ok}  失敗 {failed}',
  'service.noReady': 'Ready のエンドポイントなし',
  'pod.restartIn': '再起動まで {time}',
  'pod.killIn': 'SIGKILL まで {time}',
  'pod.phase': 'フェーズ {phase}',
  'node.unscheduled': 'Pending: 収まるノードがまだない',
  'node.cpu': 'CPU {req}/{alloc}',
  'node.mem': 'メモリ {req}/{alloc}',
  'node.use': ' 使用 {use}',
  'count.ready': 'Ready {n}',
  'count.notready': 'Ready でない {n}',
  'count.crashloop': 'バックオフ {n}',
  'count.creating': '起動中 {n}',
  'count.init': '初期化中 {n}',
  'count.pending': 'Pending {n}',
  'count.terminating': 'Terminating {n}',
  'count.completed': '完了 {n}',
  'count.failed': '失敗 {n}',
  'group.unfold': '(クリックで展開)',
};

export const canvasWords: Record<CanvasLang, Record<CanvasWordKey, string>> = { en, ja };

/** `{name}` placeholders in a template, in order */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * Templates split once into literal and placeholder parts: a pod card writes its
 * countdown or phase on every animated frame, so filling one must cost what a template
 * literal does (no regular expression per call).
 */
type Compiled = { text: string[]; names: string[] };
const compiled: Record<CanvasLang, Map<CanvasWordKey, Compiled>> = { en: new Map(), ja: new Map() };

function compile(template: string): Compiled {
  const parts = template.split(/\{(\w+)\}/);
  // split with a group: literal, name, literal, name, ..., literal
  return { text: parts.filter((_, i) => i % 2 === 0), names: parts.filter((_, i) => i % 2 === 1) };
}

/** the word in `lang` (English where the language is unknown), placeholders filled */
export function canvasWord(lang: CanvasLang, key: CanvasWordKey, params?: Record<string, string | number>): string {
  const l: CanvasLang = lang === 'ja' ? 'ja' : 'en';
  let c = compiled[l].get(key);
  if (!c) {
    c = compile(canvasWords[l][key] ?? en[key]);
    compiled[l].set(key, c);
  }
  let out = c.text[0];
  for (let i = 0; i < c.names.length; i++) {
    const name = c.names[i];
    out += (params && name in params ? String(params[name]) : `{${name}}`) + c.text[i + 1];
  }
  return out;
}

/** the count word for pods that look so (pod-visual.ts's PodLook) */
export function countKey(look: PodLook): CanvasWordKey {
  return `count.${look}`;
}
