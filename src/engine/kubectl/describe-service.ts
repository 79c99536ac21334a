/** `kubectl describe service` (describeService, formatEndpointSlices in k8s.io/kubectl/pkg/describe/describe.go). */
import type { ClusterView, EndpointSliceObject, ServiceObject } from '../model/objects';
import { formatLabels } from './label-selector';
import { joinHostPort } from './print-endpoints';
import { LEVEL_0, PrefixWriter, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './prefix-writer';

/** formatEndpointSlices for one service port: ready endpoints only, first 3 then " + N more..." */
export function formatEndpointSlices(slices: EndpointSliceObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.conditions.ready) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.conditions.ready) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** the EndpointSlices of a service (label kubernetes.io/service-name) */
export function slicesOf(svc: ServiceObject, view: ClusterView): EndpointSliceObject[] {
  return view.endpointSlices.filter(
    (s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels['kubernetes.io/service-name'] === svc.metadata.name,
  );
}

export function describeService(svc: ServiceObject, view: ClusterView): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  const type = spec.type ?? 'ClusterIP';
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${type}\n`);
  // the API server defaults these; podsim prints the defaults when the object leaves them out
  w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy ?? 'SingleStack'}\n`);
  const families = spec.ipFamilies ?? ['IPv4'];
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const slices = slicesOf(svc, view);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  const etp = spec.externalTrafficPolicy ?? (type === 'NodePort' || type === 'LoadBalancer' ? 'Cluster' : undefined);
  if (etp) w.write(LEVEL_0, `External Traffic Policy:\t${etp}\n`);
  if (type !== 'ExternalName') w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy ?? 'Cluster'}\n`);
  describeEvents(eventsFor(view.events, { kind: 'Service', name: svc.metadata.name, namespace: svc.metadata.namespace, uid: svc.metadata.uid }), w, view.now);
  return w.result();
}
