/**
 * The share link's codec: what a learner sees (the scenario text with their edits,
 * the console commands they typed with the virtual time of each, the current time and
 * speed) as `#share=` + base64url(deflate-raw(JSON)). The fragment is never sent to a
 * server. Pure and DOM-free: CompressionStream is in every current browser and in
 * Node ≥ 18, so it is tested in Node.
 *
 * Wire format (version 1), a JSON array to keep links short:
 *   [1, file, text, [[at, run] | [at, run, stdin], ...], t, speed]
 */
import { SCENARIO_LIMITS, type ScenarioLimits } from '../../scenario/limits';
import { SHARE_PARAM } from './share-fragment';

// where a page finds the link, and how it is made (small: every page loads it)
export { SHARE_PARAM, shareFragment, shareUrl } from './share-fragment';

const VERSION = 1;

/** one console command as typed: the virtual time it ran at, the line, its stdin */
export interface SharedCommand {
  at: number;
  run: string;
  stdin?: string;
}

export interface SharePayload {
  /** file name the scenario was loaded as (shown in messages) */
  file: string;
  /** the whole scenario text, with the learner's edits */
  text: string;
  /** every console command since the scenario was loaded, in the order typed */
  commands: SharedCommand[];
  /** virtual seconds shown */
  t: number;
  speed: number;
}

export type ShareDecodeResult = { ok: true; payload: SharePayload } | { ok: false; message: string };
export type ShareEncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

// ---- base64url (RFC 4648 §5, no padding)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** null when `s` is not base64url */
export function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? INDEX[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

// ---- deflate-raw through the platform's streams

async function pump(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // errors surface on the reading side; the writer's promises are awaited there
  const written = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      // a small link that inflates to gigabytes must not take the tab down
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// ---- the payload

function isCommand(v: unknown): v is [number, string] | [number, string, string] {
  return Array.isArray(v) && (v.length === 2 || v.length === 3) && typeof v[0] === 'number' && Number.isFinite(v[0]) && v[0] >= 0 && typeof v[1] === 'string' && (v.length === 2 || typeof v[2] === 'string');
}

function fromWire(v: unknown, limits: ScenarioLimits): SharePayload | string {
  if (!Array.isArray(v) || v[0] !== VERSION) {
    return Array.isArray(v) && typeof v[0] === 'number' ? `it was made by a newer podsim (format ${v[0]})` : 'it is not a podsim share link';
  }
  const [, file, text, commands, t, speed] = v as unknown[];
  if (typeof file !== 'string' || typeof text !== 'string' || !Array.isArray(commands) || typeof t !== 'number' || !Number.isFinite(t) || t < 0 || typeof speed !== 'number' || !(speed > 0)) {
    return 'its contents are damaged';
  }
  if (commands.length > limits.shareCommands) return `it carries ${commands.length} commands; a share link holds at most ${limits.shareCommands}`;
  if (!commands.every(isCommand)) return 'its command list is damaged';
  return {
    file: file.replace(/^.*[\\/]/, '') || 'shared.yaml',
    text,
    commands: commands.map((c) => (c.length === 3 ? { at: c[0], run: c[1], stdin: c[2] } : { at: c[0], run: c[1] })),
    t,
    speed,
  };
}

/** The fragment value (after `#share=`) for a payload, or why it cannot be shared. */
export async function encodeShare(p: SharePayload, limits: ScenarioLimits = SCENARIO_LIMITS): Promise<ShareEncodeResult> {
  if (p.commands.length > limits.shareCommands) {
    return { ok: false, message: `Too many console commands to share (${p.commands.length}; a link holds at most ${limits.shareCommands}). Restart the scenario and type fewer.` };
  }
  const wire = [VERSION, p.file, p.text, p.commands.map((c) => (c.stdin === undefined ? [round(c.at), c.run] : [round(c.at), c.run, c.stdin])), round(p.t), p.speed];
  const json = new TextEncoder().encode(JSON.stringify(wire));
  const packed = await pump(json, new CompressionStream('deflate-raw'), Infinity);
  const fragment = toBase64Url(packed!);
  if (fragment.length > limits.shareChars) {
    return {
      ok: false,
      message: `This scenario is too large for a share link (${fragment.length.toLocaleString('en-US')} characters; the limit is ${limits.shareChars.toLocaleString('en-US')}). Put the YAML file on a web server and share ?scenario=URL instead.`,
    };
  }
  return { ok: true, fragment };
}

/** times survive the JSON round trip exactly; microseconds are below the engine's resolution anyway */
function round(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/** The payload of a fragment value (after `#share=`), or a message saying what is wrong with the link. */
export async function decodeShare(fragment: string, limits: ScenarioLimits = SCENARIO_LIMITS): Promise<ShareDecodeResult> {
  const bad = (why: string): ShareDecodeResult => ({ ok: false, message: `This share link cannot be opened: ${why}.` });
  if (fragment.length > limits.shareChars) return bad(`it is ${fragment.length.toLocaleString('en-US')} characters long; a share link has at most ${limits.shareChars.toLocaleString('en-US')}`);
  const bytes = fromBase64Url(fragment.trim());
  if (!bytes || bytes.length === 0) return bad('it is cut short or not a podsim share link (was the whole link copied?)');
  let json: Uint8Array | null;
  try {
    // the scenario text is capped at fileChars characters; commands and JSON quoting add some
    json = await pump(bytes, new DecompressionStream('deflate-raw'), 4 * limits.fileChars);
  } catch {
    return bad('it is cut short or damaged (was the whole link copied?)');
  }
  if (!json) return bad('it unpacks to more than a scenario may hold');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return bad('its contents are damaged');
  }
  const p = fromWire(value, limits);
  return typeof p === 'string' ? bad(p) : { ok: true, payload: p };
}

