/**
 * Pod volume validation (validation.go ValidateVolumes, validateVolumeSource and the
 * per-source checks for the sources course YAML uses).
 */
import type { KeyToPath, Volume } from 'kubernetes-types/core/v1';
import { VOLUME_SOURCES } from './api-types';
import { duplicate, FieldPath, forbidden, invalid, notSupported, required, type FieldProblem } from './field-errors';
import { validateDNS1123Label } from './name-validation';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

function validateFileMode(mode: number | undefined, p: FieldPath): FieldProblem[] {
  return mode !== undefined && (mode < 0 || mode > 0o777) ? [invalid(p, mode, FILE_MODE_ERROR)] : [];
}

/** validatePathNoBacksteps + the relative-path rule (validateLocalDescendingPath). */
export function validateLocalDescendingPath(path: string, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (path.startsWith('/')) out.push(invalid(p, path, 'must be a relative path'));
  if (path.split('/').includes('..')) out.push(invalid(p, path, "must not contain '..'"));
  return out;
}

function validateKeyToPaths(items: KeyToPath[] | undefined, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  (items ?? []).forEach((item, i) => {
    const ip = p.index(i);
    if (!item.key) out.push(required(ip.child('key')));
    if (!item.path) out.push(required(ip.child('path')));
    else out.push(...validateLocalDescendingPath(item.path, ip.child('path')));
    out.push(...validateFileMode(item.mode, ip.child('mode')));
  });
  return out;
}

function validateSource(kind: string, source: Record<string, unknown>, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  switch (kind) {
    case 'hostPath': {
      if (!source.path) out.push(required(p.child('path')));
      const type = (source.type as string | undefined) ?? '';
      if (!HOST_PATH_TYPES.includes(type)) out.push(notSupported(p.child('type'), type, HOST_PATH_TYPES));
      break;
    }
    case 'emptyDir': {
      const medium = (source.medium as string | undefined) ?? '';
      if (medium !== '' && medium !== 'Memory' && !medium.startsWith('HugePages')) {
        out.push(notSupported(p.child('medium'), medium, ['', 'Memory', 'HugePages']));
      }
      break;
    }
    case 'configMap':
      if (!source.name) out.push(required(p.child('name')));
      out.push(...validateFileMode(source.defaultMode as number | undefined, p.child('defaultMode')));
      out.push(...validateKeyToPaths(source.items as KeyToPath[] | undefined, p.child('items')));
      break;
    case 'secret':
      if (!source.secretName) out.push(required(p.child('secretName')));
      out.push(...validateFileMode(source.defaultMode as number | undefined, p.child('defaultMode')));
      out.push(...validateKeyToPaths(source.items as KeyToPath[] | undefined, p.child('items')));
      break;
    case 'persistentVolumeClaim':
      if (!source.claimName) out.push(required(p.child('claimName')));
      break;
    case 'projected':
    case 'downwardAPI':
      out.push(...validateFileMode(source.defaultMode as number | undefined, p.child('defaultMode')));
      break;
  }
  return out;
}

/** Returns the problems and the names of the valid volumes (for volumeMounts). */
export function validateVolumes(volumes: Volume[] | undefined, p: FieldPath): { problems: FieldProblem[]; names: Set<string> } {
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const ip = p.index(i);
    const errs: FieldProblem[] = [];
    let n = 0;
    for (const kind of VOLUME_SOURCES) {
      const source = (vol as unknown as Record<string, unknown>)[kind];
      if (source === undefined || source === null) continue;
      if (n > 0) errs.push(forbidden(ip.child(kind), 'may not specify more than 1 volume type'));
      else {
        n++;
        errs.push(...validateSource(kind, source as Record<string, unknown>, ip.child(kind)));
      }
    }
    if (n === 0) errs.push(required(ip, 'must specify a volume type'));
    const namePath = ip.child('name');
    if (!vol.name) errs.push(required(namePath));
    else errs.push(...validateDNS1123Label(vol.name, namePath));
    if (vol.name && names.has(vol.name)) errs.push(duplicate(namePath, vol.name));
    if (errs.length === 0) names.add(vol.name);
    problems.push(...errs);
  });
  return { problems, names };
}
