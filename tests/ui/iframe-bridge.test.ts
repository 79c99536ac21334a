/**
 * The iframe page's address and its postMessage bridge (src/embed/iframe), in Node:
 * parameters are read as the <pod-sim> attributes are, bad ones named; events go to
 * the parent's origin only; commands are taken only from the parent at that origin,
 * checked, and answered once.
 */
import { describe, expect, it } from 'vitest';
import { readEmbedParams, exactOrigin } from '../../src/embed/iframe/embed-params';
import { connectParent, parentOrigin, type BridgeHandle, type BridgeWindow } from '../../src/embed/iframe/parent-bridge';
import type { PodsimUiListener } from '../../src/ui/ui-events';

describe('embed.html parameters', () => {
  it('reads scenario, start, speed, lang, autoplay, controls, theme and origin', () => {
    const { params, problems } = readEmbedParams('?scenario=https://c.example/a.yaml&start=1m30s&speed=4x&lang=ja&autoplay&controls=canvas,panels&theme=light&origin=https://course.example', '');
    expect(problems).toEqual([]);
    expect(params).toEqual({
      scenario: 'https://c.example/a.yaml',
      share: null,
      start: 90,
      speed: 4,
      lang: 'ja',
      autoplay: true,
      controls: { header: false, panels: true, editor: false, console: false },
      theme: 'light',
      origin: 'https://course.example',
    });
  });

  it('defaults to the canvas with the console, not playing', () => {
    const { params, problems } = readEmbedParams('?scenario=a.yaml&autoplay=false', '');
    expect(problems).toEqual([]);
    expect(params.controls).toEqual({ header: false, panels: false, editor: false, console: true });
    expect(params.autoplay).toBe(false);
    expect(params.start).toBeNull();
  });

  it('takes a share link instead of a scenario', () => {
    const { params, problems } = readEmbedParams('?lang=en', '#share=abc');
    expect(problems).toEqual([]);
    expect(params.share).toBe('abc');
    expect(params.scenario).toBeNull();
  });

  it('names every bad parameter', () => {
    const { problems } = readEmbedParams('?start=soon&speed=0&controls=canvas+bogus&origin=https://x.example/path', '');
    expect(problems.map((p) => p.key)).toEqual(['embedPage.noScenario', 'embedPage.badStart', 'embedPage.badSpeed', 'embedPage.badControls', 'embedPage.badOrigin']);
    expect(problems[3].params).toEqual({ value: 'canvas bogus', part: 'bogus' });
  });

  it('an origin is scheme, host and port, nothing more', () => {
    expect(exactOrigin('https://course.example')).toBe('https://course.example');
    expect(exactOrigin('https://course.example/')).toBe('https://course.example');
    expect(exactOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(exactOrigin('https://course.example/lesson')).toBeNull();
    expect(exactOrigin('javascript:alert(1)')).toBeNull();
    expect(exactOrigin('*')).toBeNull();
    expect(exactOrigin('null')).toBeNull();
  });
});

describe('the parent bridge', () => {
  it('talks to ?origin= first, else the referrer\'s origin, else nobody', () => {
    expect(parentOrigin('https://given.example', 'https://ref.example/page')).toBe('https://given.example');
    expect(parentOrigin(null, 'https://ref.example/lesson/3?x=1')).toBe('https://ref.example');
    expect(parentOrigin(null, '')).toBeNull();
    expect(parentOrigin(null, 'about:blank')).toBeNull();
  });

  function setup() {
    const posted: { message: Record<string, unknown>; origin: string }[] = [];
    const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message: message as Record<string, unknown>, origin }) };
    let onMessage: ((e: MessageEvent) => void) | null = null;
    const win: BridgeWindow = {
      parent,
      addEventListener: (_t, l) => (onMessage = l),
      removeEventListener: () => (onMessage = null),
    };
    let listener: PodsimUiListener | null = null;
    const calls: string[] = [];
    let t = 0;
    const handle: BridgeHandle = {
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      playing: () => false,
      seek: (s) => {
        calls.push(`seek ${s}`);
        t = s;
      },
      time: () => t,
      duration: () => 120,
      setSpeed: (s) => calls.push(`speed ${s}`),
      run: (c, stdin) => {
        calls.push(`run ${c}${stdin ? ` <${stdin}` : ''}`);
        return { stdout: 'out\n', stderr: '', exitCode: 0 };
      },
      load: () => ({ ok: false, problems: ['a.yaml:1:1: bad'] }),
      on: (l) => {
        listener = l;
        return () => (listener = null);
      },
    };
    const stop = connectParent(handle, 'https://course.example', win);
    const send = (data: unknown, origin = 'https://course.example', source: unknown = parent) => onMessage!({ data, origin, source } as MessageEvent);
    return { posted, calls, send, stop, emit: (e: Parameters<PodsimUiListener>[0]) => listener!(e), listening: () => onMessage !== null && listener !== null };
  }

  it('forwards every UI event to the parent origin, never to "*"', () => {
    const b = setup();
    b.emit({ type: 'ready', detail: { file: 'a.yaml', name: 'a', title: 'A', duration: 120 } });
    b.emit({ type: 'event', detail: { t: 0, type: 'event', reason: 'Scheduled' } });
    expect(b.posted).toEqual([
      { message: { source: 'podsim', type: 'ready', detail: { file: 'a.yaml', name: 'a', title: 'A', duration: 120 } }, origin: 'https://course.example' },
      { message: { source: 'podsim', type: 'event', detail: { t: 0, type: 'event', reason: 'Scheduled' } }, origin: 'https://course.example' },
    ]);
  });

  it('runs commands from the parent and replies once to each, with its id', () => {
    const b = setup();
    b.send({ source: 'podsim', method: 'seek', args: ['1m30s'], id: 7 });
    b.send({ source: 'podsim', method: 'run', args: ['kubectl apply -f -', 'kind: Pod'], id: 'r' });
    b.send({ source: 'podsim', method: 'load', args: ['x'], id: 9 });
    b.send({ source: 'podsim', method: 'play' });
    expect(b.calls).toEqual(['seek 90', 'run kubectl apply -f - <kind: Pod', 'play']);
    expect(b.posted.map((p) => p.message)).toEqual([
      { source: 'podsim', type: 'reply', id: 7, method: 'seek', ok: true, result: { t: 90, duration: 120, playing: false } },
      { source: 'podsim', type: 'reply', id: 'r', method: 'run', ok: true, result: { stdout: 'out\n', stderr: '', exitCode: 0 } },
      { source: 'podsim', type: 'reply', id: 9, method: 'load', ok: true, result: { ok: false, problems: ['a.yaml:1:1: bad'] } },
      { source: 'podsim', type: 'reply', id: null, method: 'play', ok: true, result: { t: 90, duration: 120, playing: false } },
    ]);
  });

  it('answers bad commands with an error, and calls nothing', () => {
    const b = setup();
    b.send({ source: 'podsim', method: 'seek', args: ['soon'], id: 1 });
    b.send({ source: 'podsim', method: 'run', args: [42], id: 2 });
    b.send({ source: 'podsim', method: 'setSpeed', args: ['fast'], id: 3 });
    b.send({ source: 'podsim', method: 'destroy', id: 4 });
    expect(b.calls).toEqual([]);
    expect(b.posted.map((p) => [p.message.id, p.message.ok, p.message.error])).toEqual([
      [1, false, 'seek takes a time: seconds (90) or a duration ("1m30s")'],
      [2, false, 'the command must be a string'],
      [3, false, 'setSpeed takes a number from 0.25 to 64'],
      [4, false, 'unknown method "destroy"; the methods are play, pause, seek, run, load, setSpeed, state'],
    ]);
  });

  it('ignores other origins, other windows and other shapes, without replying', () => {
    const b = setup();
    b.send({ source: 'podsim', method: 'play' }, 'https://evil.example');
    b.send({ source: 'podsim', method: 'play' }, 'https://course.example', { postMessage() {} });
    b.send({ method: 'play' });
    b.send('play');
    b.send(null);
    b.send({ source: 'podsim', method: 5 });
    expect(b.calls).toEqual([]);
    expect(b.posted).toEqual([]);
  });

  it('stops listening both ways when disconnected', () => {
    const b = setup();
    expect(b.listening()).toBe(true);
    b.stop();
    expect(b.listening()).toBe(false);
  });
});
