/** `kubectl describe endpoints` and `kubectl describe endpointslice` (describeEndpoints, describeEndpointSliceV1). */
import type { ClusterView, EndpointSliceObject, EndpointsObject } from '../model/objects';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './prefix-writer';

export function describeEndpoints(ep: EndpointsObject, view: ClusterView): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const s of ep.subsets) {
    const ready = (s.addresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
    const notReady = (s.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    if (s.ports.length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(eventsFor(view.events, { kind: 'Endpoints', name: ep.metadata.name, namespace: ep.metadata.namespace, uid: ep.metadata.uid }), w, view.now);
  return w.result();
}

export function describeEndpointSlice(s: EndpointSliceObject, view: ClusterView): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${s.addressType}\n`);
  if (s.ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of s.ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}\n`);
  }
  if (s.endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of s.endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${e.conditions.ready}\n`);
      w.write(LEVEL_2, 'Hostname:\t<unset>\n');
      w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, 'Zone:\t<unset>\n');
    }
  }
  describeEvents(eventsFor(view.events, { kind: 'EndpointSlice', name: s.metadata.name, namespace: s.metadata.namespace, uid: s.metadata.uid }), w, view.now);
  return w.result();
}
