import { describe, it, expect } from 'vitest';
import { canvasWord, canvasWords, countKey, en, ja, placeholders, type CanvasWordKey } from '../../src/render/canvas-words';
import type { PodLook } from '../../src/render/pod-visual';

const KEYS = Object.keys(en) as CanvasWordKey[];

describe('the canvas catalogue', () => {
  it('has every English key in Japanese, and nothing more', () => {
    expect(Object.keys(ja).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) expect(ja[k].trim(), k).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of KEYS) expect(placeholders(ja[k]).sort(), k).toEqual(placeholders(en[k]).sort());
  });

  it('has a count word for every way a pod can look', () => {
    const looks: PodLook[] = ['ready', 'notready', 'crashloop', 'creating', 'init', 'pending', 'terminating', 'completed', 'failed'];
    for (const l of looks) {
      expect(KEYS).toContain(countKey(l));
      expect(placeholders(en[countKey(l)])).toEqual(['n']);
    }
  });

  it('keeps Kubernetes words as Kubernetes spells them in Japanese', () => {
    expect(ja['pod.killIn']).toContain('SIGKILL');
    expect(ja['node.unscheduled']).toMatch(/^Pending: /);
    expect(ja['count.terminating']).toContain('Terminating');
    // the general words are Japanese
    for (const k of ['clients.idle', 'pod.restartIn', 'pod.phase', 'group.unfold', 'service.noReady'] as const) expect(ja[k], k).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});

describe('canvasWord', () => {
  it('draws the English the canvas always drew', () => {
    expect(canvasWord('en', 'clients.rate', { rps: 4 })).toBe('clients\n4 req/s');
    expect(canvasWord('en', 'clients.idle')).toBe('clients\nidle');
    expect(canvasWord('en', 'service.endpoints', { ready: 1, total: 2 })).toBe('1/2 ready');
    expect(canvasWord('en', 'service.traffic', { ok: 12, failed: 0 })).toBe('ok 12  failed 0');
    expect(canvasWord('en', 'pod.restartIn', { time: '9s' })).toBe('restart in 9s');
    expect(canvasWord('en', 'pod.killIn', { time: '30s' })).toBe('SIGKILL in 30s');
    expect(canvasWord('en', 'pod.phase', { phase: 'Running' })).toBe('phase Running');
    expect(canvasWord('en', 'node.cpu', { req: '250m', alloc: 2 }) + canvasWord('en', 'node.use', { use: '120m' })).toBe('CPU 250m/2 use 120m');
    expect(canvasWord('en', countKey('notready'), { n: 3 })).toBe('3 not ready');
  });

  it('fills Japanese templates, word order included', () => {
    expect(canvasWord('ja', 'pod.restartIn', { time: '9s' })).toBe('再起動まで 9s');
    expect(canvasWord('ja', 'service.endpoints', { ready: 1, total: 2 })).toBe('Ready 1/2');
    expect(canvasWord('ja', countKey('notready'), { n: 3 })).toBe('Ready でない 3');
    expect(canvasWord('ja', 'service.traffic', { ok: 5, failed: 2 })).toBe('成功 5  失敗 2');
  });

  it('fills a template again with other values (templates are compiled once)', () => {
    expect(canvasWord('ja', 'pod.phase', { phase: 'Pending' })).toBe('フェーズ Pending');
    expect(canvasWord('ja', 'pod.phase', { phase: 'Succeeded' })).toBe('フェーズ Succeeded');
    expect(canvasWord('en', 'pod.phase', { phase: 'Failed' })).toBe('phase Failed');
  });

  it('leaves a missing parameter visible, and falls back to English for an unknown language', () => {
    expect(canvasWord('en', 'pod.phase')).toBe('phase {phase}');
    expect(canvasWord('de' as 'en', 'clients.idle')).toBe(en['clients.idle']);
    expect(canvasWords.ja).toBe(ja);
  });
});
