/**
 * One readable line per observation, for `podsim run` without --json.
 */
import type { Observation } from '../engine/observations';

function time(t: number): string {
  const s = t.toFixed(t % 1 === 0 ? 0 : 1);
  return `${s}s`.padStart(8);
}

export function formatLine(o: Observation): string {
  switch (o.type) {
    case 'event':
      return `${time(o.t)}  event     ${o.object}${o.container ? ` [${o.container}]` : ''}  ${o.eventType} ${o.reason}: ${o.message}${o.count > 1 ? ` (x${o.count})` : ''}`;
    case 'pod':
      if ('deleted' in o) return `${time(o.t)}  pod       ${o.name}  deleted`;
      return `${time(o.t)}  pod       ${o.name}  ${o.status}  phase=${o.phase} ready=${o.containers.filter((c) => c.ready).length}/${o.containers.length} restarts=${o.restarts}  ${o.containers
        .map((c) => `${c.name}:${c.state}${c.reason ? `(${c.reason}${c.exitCode !== null ? ` ${c.exitCode}` : ''})` : ''}${c.ready ? '+ready' : ''}`)
        .join(' ')}`;
    case 'endpoints':
      return `${time(o.t)}  endpoints ${o.service}  ${o.endpoints.length ? o.endpoints.map((e) => `${e.pod}(${e.ready ? 'ready' : 'not ready'}${e.terminating ? ', terminating' : ''})`).join(' ') : '<none>'}`;
    case 'command':
      return `${time(o.t)}  command   $ ${o.run}${o.exitCode ? `  [exit ${o.exitCode}]` : ''}${(o.stdout + o.stderr).trim() ? '\n' + (o.stdout + o.stderr).trimEnd().split('\n').map((l) => '            | ' + l).join('\n') : ''}`;
    case 'check':
      return `${time(o.t)}  check     ${o.name}  passed`;
    case 'summary':
      return `${time(o.t)}  summary   requests: ${Object.entries(o.requests).map(([s, r]) => `${s} ok=${r.ok} failed=${r.failed}`).join(', ') || 'none'}`;
  }
}
