/**
 * What a well-known program answers in the body of an HTTP response (the status comes
 * from app-behaviour.ts): agnhost netexec and serve-hostname, Elasticsearch. Others
 * answer an empty body.
 */
import type { ContainerFs } from '../container-fs';
import type { ProgramSpec } from '../well-known-images';
import { elasticsearchBody } from './elasticsearch';

export interface BodyContext {
  program: ProgramSpec | undefined;
  fs: ContainerFs;
  podName: string;
  /** wall-clock milliseconds now */
  wallMs: number;
  /** the port the request arrived on */
  port: number;
}

function query(path: string, key: string): string | undefined {
  const q = path.split('?')[1];
  if (!q) return undefined;
  for (const kv of q.split('&')) {
    const [k, v] = kv.split('=');
    if (k === key) return decodeURIComponent((v ?? '').replace(/\+/g, ' '));
  }
  return undefined;
}

/** test/images/agnhost/netexec/netexec.go: "/" prints NOW: <time>, /hostname the pod name, /echo?msg= the message */
function netexecBody(ctx: BodyContext, path: string): string {
  const p = path.split('?')[0];
  if ((ctx.program?.kind === 'netexec' && ctx.program.hostnameOnly) || p === '/hostname') return ctx.podName;
  if (p === '/echo') return query(path, 'msg') ?? '';
  if (p === '/healthz' || p === '/readyz') return '';
  if (p === '/') {
    const iso = new Date(ctx.wallMs).toISOString();
    return `NOW: ${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000 UTC`;
  }
  return '';
}

export function programBody(ctx: BodyContext, path: string): string {
  switch (ctx.program?.kind) {
    case 'netexec':
      return netexecBody(ctx, path);
    case 'elasticsearch':
      return elasticsearchBody(ctx.fs, path, ctx.podName);
    default:
      return '';
  }
}
