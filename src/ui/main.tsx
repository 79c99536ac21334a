/// <reference types="vite/client" />
/**
 * The page `npm start` opens: the simulator mounted full-window, with every scenario
 * in scenarios/ bundled, `?scenario=URL` (or a bundled file name) to choose what loads,
 * `?play` to start playing, and the handle exposed as `window.podsim` for scripting.
 */
import { mount, type PodsimHandle } from './mount';

declare global {
  interface Window {
    podsim: PodsimHandle;
  }
}

/** the scenario a newcomer learns most from in the first minute */
export const DEFAULT_SCENARIO = 'readiness-moves-traffic.yaml';

const files = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const scenarios = Object.entries(files).map(([path, text]) => ({ file: path.replace(/^.*\//, ''), text }));

const params = new URLSearchParams(location.search);
const wanted = params.get('scenario');
const speed = Number(params.get('speed') ?? '1') || 1;
const fold = params.get('fold');
const initial = wanted
  ? scenarios.some((s) => s.file === wanted)
    ? { bundled: wanted }
    : { url: wanted }
  : { bundled: DEFAULT_SCENARIO };

const root = document.getElementById('app')!;
window.podsim = mount(root, {
  scenarios,
  initial,
  autoplay: params.has('play'),
  speed,
  ...(fold !== null ? { foldAbove: Number(fold) || Infinity } : {}),
});
