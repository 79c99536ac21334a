/**
 * v1 Service validation (pkg/apis/core/validation ValidateService, validateServicePort)
 * plus the allocators' range checks for clusterIP (kubeadm's default service CIDR
 * 10.96.0.0/12) and nodePort (30000-32767).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { duplicate, FieldPath, forbidden, GoSyntax, invalid, notSupported, required, type FieldProblem } from './field-errors';
import { isDNS1035Label, isValidIPv4, isValidPortNum, validateDNS1123Label, validateDNS1123Subdomain, validateLabels, validatePortNumOrName } from './name-validation';
import { validateObjectMeta } from './validate-object-meta';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
export const SERVICE_CIDR = '10.96.0.0/12';

function inServiceCidr(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 && b >= 96 && b <= 111;
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (requireName && !sp.name) out.push(required(p.child('name')));
  else if (sp.name) {
    out.push(...validateDNS1123Label(sp.name, p.child('name')));
    if (names.has(sp.name)) out.push(duplicate(p.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port ?? 0)) out.push(invalid(p.child('port'), sp.port ?? 0, m));
  if (!sp.protocol) out.push(required(p.child('protocol')));
  else if (!PROTOCOLS.includes(sp.protocol)) out.push(notSupported(p.child('protocol'), sp.protocol, PROTOCOLS));
  out.push(...validatePortNumOrName(sp.targetPort, p.child('targetPort')));
  return out;
}

function goServicePortKey(sp: ServicePort): GoSyntax {
  return new GoSyntax(
    `core.ServicePort{Name:"", Protocol:${JSON.stringify(sp.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${sp.port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

export function validateService(svc: Service): FieldProblem[] {
  const out = [...validateObjectMeta(svc.metadata, isDNS1035Label)];
  const spec = svc.spec ?? {};
  const p = FieldPath.of('spec');
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') out.push(required(p.child('ports')));
  if (spec.type === 'ExternalName') {
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) out.push(...validateDNS1123Subdomain(cname, p.child('externalName')));
    else out.push(required(p.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => out.push(...validateServicePort(sp, ports.length > 1, names, p.child('ports').index(i))));
  out.push(...validateLabels(spec.selector, p.child('selector')));
  const affinity = spec.sessionAffinity ?? '';
  if (!SESSION_AFFINITIES.includes(affinity)) out.push(notSupported(p.child('sessionAffinity'), affinity, SESSION_AFFINITIES));
  const type = spec.type ?? '';
  if (!SERVICE_TYPES.includes(type)) out.push(notSupported(p.child('type'), type, SERVICE_TYPES));
  ports.forEach((sp, i) => {
    const np = p.child('ports').index(i).child('nodePort');
    if (!sp.nodePort) return;
    if (type === 'ClusterIP') out.push(forbidden(np, "may not be used when `type` is 'ClusterIP'"));
    else if (sp.nodePort < 30000 || sp.nodePort > 32767) {
      out.push(invalid(np, sp.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767'));
    }
  });
  const seen = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${sp.protocol}/${sp.port}`;
    if (seen.has(key)) out.push(duplicate(p.child('ports').index(i), goServicePortKey(sp)));
    seen.add(key);
  });
  const ip = spec.clusterIP;
  if (ip && ip !== 'None') {
    if (!isValidIPv4(ip)) out.push(invalid(p.child('clusterIP'), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    else if (!inServiceCidr(ip)) {
      out.push(
        invalid(
          p.child('clusterIP'),
          new GoSyntax(`[]string{${JSON.stringify(ip)}}`),
          `failed to allocate IP ${ip}: provided IP is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        ),
      );
    }
  }
  return out;
}
