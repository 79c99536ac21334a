/**
 * v1 ConfigMap and Secret validation (pkg/apis/core/validation ValidateConfigMap,
 * ValidateSecret): keys, the 1 MiB size limit, and the keys each Secret type needs.
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import { FieldPath, invalid, required, type FieldProblem } from './field-errors';
import { isConfigMapKey, isDNS1123Subdomain } from './name-validation';
import { validateObjectMeta } from './validate-object-meta';

/** core.MaxSecretSize, also used for ConfigMaps */
const MAX_SIZE = 1024 * 1024;

function tooLong(p: FieldPath): FieldProblem {
  return { at: p.segments, path: p.text || '<nil>', message: `Too long: may not be more than ${MAX_SIZE} bytes` };
}

export function validateConfigMap(cm: ConfigMap): FieldProblem[] {
  const out = [...validateObjectMeta(cm.metadata, isDNS1123Subdomain)];
  let size = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    const kp = FieldPath.of('data').key(key);
    for (const m of isConfigMapKey(key)) out.push(invalid(kp, key, m));
    if (cm.binaryData && key in cm.binaryData) out.push(invalid(kp, key, 'duplicate of key present in binaryData'));
    size += value.length;
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    const kp = FieldPath.of('binaryData').key(key);
    for (const m of isConfigMapKey(key)) out.push(invalid(kp, key, m));
    if (cm.data && key in cm.data) out.push(invalid(kp, key, 'duplicate of key present in data'));
    size += Math.floor((value.length * 3) / 4);
  }
  if (size > MAX_SIZE) out.push(tooLong(FieldPath.root()));
  return out;
}

/** keys a typed Secret must carry (validation.go ValidateSecret switch on secret.Type) */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validateSecret(secret: Secret): FieldProblem[] {
  const out = [...validateObjectMeta(secret.metadata, isDNS1123Subdomain)];
  const dataPath = FieldPath.of('data');
  let size = 0;
  for (const [key, value] of Object.entries(secret.data ?? {})) {
    for (const m of isConfigMapKey(key)) out.push(invalid(dataPath.key(key), key, m));
    size += Math.floor((value.length * 3) / 4);
  }
  if (size > MAX_SIZE) out.push(tooLong(dataPath));
  const data = secret.data ?? {};
  for (const key of REQUIRED_KEYS[secret.type ?? ''] ?? []) if (!(key in data)) out.push(required(dataPath.key(key)));
  if (secret.type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    out.push(required(dataPath.key('username')), required(dataPath.key('password')));
  }
  return out;
}
