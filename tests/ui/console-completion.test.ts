import { describe, it, expect } from 'vitest';
import { candidates, complete } from '../../src/ui/console-completion';
import { Simulation } from '../../src/engine/simulation';
import { scenario } from './fixtures';

const sim = new Simulation(scenario('sidecar-log-shipper.yaml'));
sim.advanceTo(10);
const view = sim.view();

describe('console completion', () => {
  it('completes tools, verbs and resource types', () => {
    expect(complete('kub', view).line).toBe('kubectl ');
    expect(complete('kubectl desc', view).line).toBe('kubectl describe ');
    expect(candidates('kubectl get po', view)).toEqual(['pods']);
    expect(complete('sim pr', view).line).toBe('sim probe ');
  });

  it('completes object names from the cluster and container names after -c', () => {
    expect(candidates('kubectl describe pod ', view)).toEqual(['elasticsearch', 'web']);
    expect(complete('kubectl logs w', view).line).toBe('kubectl logs web ');
    expect(candidates('kubectl logs web -c ', view)).toEqual(['log-shipper', 'web']);
    expect(candidates('kubectl get svc/', view)).toEqual(['svc/elasticsearch', 'svc/web']);
    expect(candidates('sim crash web/', view)).toEqual(['web/log-shipper', 'web/web']);
  });

  it('offers probe kinds and modes for sim probe, and extends to the common prefix', () => {
    expect(candidates('sim probe web readiness ', view)).toEqual(['auto', 'fail', 'pass']);
    const c = complete('kubectl describe pod ', view);
    expect(c.line).toBe('kubectl describe pod ');
    expect(c.candidates).toEqual(['elasticsearch', 'web']);
  });
});
