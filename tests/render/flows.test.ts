import { describe, it, expect } from 'vitest';
import { parseFlows } from '../../src/render/flows';

describe('podsim.dev/flows', () => {
  it('reads chains of containers, Services and pods', () => {
    expect(parseFlows('web -> log-shipper -> service/elasticsearch')).toEqual([
      [
        { kind: 'container', name: 'web' },
        { kind: 'container', name: 'log-shipper' },
        { kind: 'service', name: 'elasticsearch' },
      ],
    ]);
    expect(parseFlows('a -> svc/x; b -> pod/y\nc->d')).toHaveLength(3);
  });

  it('ignores chains that do not start in a container or have one step', () => {
    expect(parseFlows('service/x -> a')).toEqual([]);
    expect(parseFlows('lonely')).toEqual([]);
    expect(parseFlows(undefined)).toEqual([]);
  });
});
