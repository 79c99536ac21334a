/**
 * The iframe page's address read into settings:
 *   embed.html?scenario=URL|NAME&start=30s&speed=4&lang=ja&autoplay&controls=canvas,console&theme=light&origin=https://course.example
 *   embed.html#share=...   (a share link: scenario, commands, time and speed)
 * The same words as the <pod-sim> element's attributes (src/embed/embed-attributes.ts).
 * Problems are returned as (catalogue key, params) so the page shows them in its language.
 */
import { parseControls, parseSpeed, parseTheme, parseTime, type Controls } from '../embed-attributes';
import { shareFragment } from '../../ui/share/share-fragment';

/** what the iframe shows when `controls` is not given: the picture, its transport and the console */
export const DEFAULT_CONTROLS = 'canvas console';

export interface EmbedParams {
  /** a URL (relative to embed.html) or a bundled scenario's file name; null with a share link */
  scenario: string | null;
  /** the `#share=` value, if any */
  share: string | null;
  start: number | null;
  speed: number | null;
  lang: string | null;
  autoplay: boolean;
  controls: Controls;
  theme: 'light' | 'dark' | 'auto' | null;
  /** the parent page's origin as given (`?origin=`), already checked */
  origin: string | null;
}

export interface ParamProblem {
  key: string;
  params: Record<string, string>;
}

/** `https://host[:port]` exactly (what event.origin and postMessage's targetOrigin compare), else null */
export function exactOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin === value.replace(/\/$/, '') ? u.origin : null;
  } catch {
    return null;
  }
}

export function readEmbedParams(search: string, hash: string): { params: EmbedParams; problems: ParamProblem[] } {
  const q = new URLSearchParams(search);
  const problems: ParamProblem[] = [];
  const share = shareFragment(hash);
  const scenario = q.get('scenario')?.trim() || null;
  if (!scenario && share === null) problems.push({ key: 'embedPage.noScenario', params: {} });

  const startText = q.get('start');
  let start: number | null = null;
  if (startText !== null && startText.trim() !== '') {
    start = parseTime(startText);
    if (start === null) problems.push({ key: 'embedPage.badStart', params: { value: startText } });
  }
  const speedText = q.get('speed');
  let speed: number | null = null;
  if (speedText !== null && speedText.trim() !== '') {
    speed = parseSpeed(speedText);
    if (speed === null) problems.push({ key: 'embedPage.badSpeed', params: { value: speedText } });
  }
  const controlsText = q.get('controls');
  const { controls, unknown } = parseControls(controlsText ?? DEFAULT_CONTROLS);
  if (unknown.length) problems.push({ key: 'embedPage.badControls', params: { value: controlsText ?? '', part: unknown[0] } });
  const originText = q.get('origin');
  let origin: string | null = null;
  if (originText !== null) {
    origin = exactOrigin(originText.trim());
    if (origin === null) problems.push({ key: 'embedPage.badOrigin', params: { value: originText } });
  }
  const autoplayText = q.get('autoplay');
  return {
    params: {
      scenario,
      share,
      start,
      speed,
      lang: q.get('lang'),
      autoplay: autoplayText !== null && !/^(0|false|no|off)$/i.test(autoplayText.trim()),
      controls,
      theme: parseTheme(q.get('theme')),
      origin,
    },
    problems,
  };
}
