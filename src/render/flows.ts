/**
 * Data flows inside multi-container pods (sidecar, adapter, ambassador), declared by
 * the scenario author in the pod annotation `podsim.dev/flows`:
 *
 *     podsim.dev/flows: "web -> log-shipper -> service/elasticsearch"
 *
 * One chain per line (or separated by ";"). Each step is a container of the pod, or
 * `service/NAME` or `pod/NAME`. Every log line the first container writes travels
 * the chain as a particle. The annotation is plain metadata to Kubernetes; only the
 * canvas reads it.
 */
export const FLOWS_ANNOTATION = 'podsim.dev/flows';

export type FlowStep = { kind: 'container'; name: string } | { kind: 'service'; name: string } | { kind: 'pod'; name: string };

export function parseFlows(value: string | undefined): FlowStep[][] {
  if (!value) return [];
  const chains: FlowStep[][] = [];
  for (const line of value.split(/[\n;]+/)) {
    const steps = line
      .split('->')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s): FlowStep => {
        const m = /^(service|svc|pod)\/(.+)$/.exec(s);
        if (!m) return { kind: 'container', name: s };
        return { kind: m[1] === 'pod' ? 'pod' : 'service', name: m[2] };
      });
    if (steps.length >= 2 && steps[0].kind === 'container') chains.push(steps);
  }
  return chains;
}
