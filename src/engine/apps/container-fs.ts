/**
 * A container's filesystem: its writable layer (lost when the instance is replaced)
 * with the pod's volumes mounted over it (an emptyDir outlives container restarts,
 * and is shared by every container that mounts it). Plain data, for checkpoints.
 */
export interface VolumeData {
  files: Record<string, string>;
  dirs: Record<string, true>;
  /** bumps on every write, so followers (tail -f) notice */
  version: number;
  readOnly: boolean;
  /** image directories this layer removed */
  removedDirs?: Record<string, true>;
  /** the container that last wrote each file of a shared volume (for data flows) */
  writers?: Record<string, string>;
}

export function newVolume(readOnly = false, files: Record<string, string> = {}): VolumeData {
  return { files: { ...files }, dirs: {}, version: 0, readOnly };
}

/** Directories every busybox-like image has. */
const IMAGE_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/tmp', '/usr', '/var', '/var/log', '/var/run', '/run', '/opt', '/srv', '/mnt', '/app', '/data', '/usr/share', '/usr/share/nginx', '/usr/share/nginx/html', '/var/log/nginx', '/etc/nginx']);

export function normalizePath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

export interface Mount {
  mountPath: string;
  volume: VolumeData;
  readOnly: boolean;
}

export class ContainerFs {
  constructor(
    public layer: VolumeData,
    public mounts: Mount[],
  ) {}

  /** the volume holding `path`, and the path inside it */
  private locate(path: string): { vol: VolumeData; rel: string; readOnly: boolean } {
    const p = normalizePath(path);
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if ((p === m.mountPath || p.startsWith(m.mountPath + '/')) && (!best || m.mountPath.length > best.mountPath.length)) best = m;
    }
    if (!best) return { vol: this.layer, rel: p, readOnly: false };
    const rel = normalizePath(p.slice(best.mountPath.length) || '/');
    return { vol: best.volume, rel, readOnly: best.readOnly || best.volume.readOnly };
  }

  /** the volume (not the writable layer) holding `path`, with the path inside it; null on the layer */
  sharedVolume(path: string): { volume: VolumeData; rel: string; readOnly: boolean } | null {
    const { vol, rel, readOnly } = this.locate(path);
    return vol === this.layer ? null : { volume: vol, rel, readOnly };
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  isFile(path: string): boolean {
    const { vol, rel } = this.locate(path);
    return rel in vol.files;
  }

  isDir(path: string): boolean {
    const p = normalizePath(path);
    if (this.mounts.some((m) => m.mountPath === p)) return true;
    const { vol, rel } = this.locate(p);
    if (rel === '/' || vol.dirs[rel]) return true;
    // the image's own directories (shared by every container rather than copied into each layer)
    if (vol === this.layer && IMAGE_DIRS.has(rel) && !this.layer.removedDirs?.[rel]) return true;
    const prefix = rel + '/';
    for (const f in vol.files) if (f.startsWith(prefix)) return true;
    return false;
  }

  read(path: string): string | undefined {
    const p = normalizePath(path);
    if (p === '/dev/null') return '';
    const { vol, rel } = this.locate(p);
    return vol.files[rel];
  }

  /** null when written, else busybox's error text */
  write(path: string, data: string, append: boolean): string | null {
    const p = normalizePath(path);
    if (p === '/dev/null' || p === '/dev/stdout' || p === '/dev/stderr' || p === '/proc/1/fd/1') return null;
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (!this.isDir(parent)) return `can't create ${path}: nonexistent directory`;
    if (this.isDir(p)) return `can't create ${path}: Is a directory`;
    const { vol, rel, readOnly } = this.locate(p);
    if (readOnly) return `can't create ${path}: Read-only file system`;
    vol.files[rel] = append && rel in vol.files ? vol.files[rel] + data : data;
    vol.version++;
    return null;
  }

  remove(path: string): boolean {
    const { vol, rel, readOnly } = this.locate(path);
    if (readOnly) return false;
    if (rel in vol.files) {
      delete vol.files[rel];
      vol.version++;
      return true;
    }
    if (vol.dirs[rel] || (vol === this.layer && IMAGE_DIRS.has(rel))) {
      for (const f in vol.files) if (f.startsWith(rel + '/')) delete vol.files[f];
      delete vol.dirs[rel];
      if (vol === this.layer && IMAGE_DIRS.has(rel)) (vol.removedDirs ??= {})[rel] = true;
      vol.version++;
      return true;
    }
    return false;
  }

  mkdirp(path: string): void {
    const p = normalizePath(path);
    const { vol, rel } = this.locate(p);
    let cur = '';
    for (const part of rel.split('/').filter(Boolean)) {
      cur += '/' + part;
      vol.dirs[cur] = true;
    }
    vol.version++;
  }

  list(path: string): string[] | undefined {
    const p = normalizePath(path);
    if (!this.isDir(p)) return this.isFile(p) ? [p.slice(p.lastIndexOf('/') + 1)] : undefined;
    const names = new Set<string>();
    const { vol, rel } = this.locate(p);
    const prefix = rel === '/' ? '/' : rel + '/';
    for (const f in vol.files) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    for (const d in vol.dirs) if (d.startsWith(prefix) && d !== rel) names.add(d.slice(prefix.length).split('/')[0]);
    if (vol === this.layer) for (const d of IMAGE_DIRS) if (d.startsWith(prefix) && d !== rel && !this.layer.removedDirs?.[d]) names.add(d.slice(prefix.length).split('/')[0]);
    for (const m of this.mounts) if (m.mountPath.startsWith(prefix)) names.add(m.mountPath.slice(prefix.length).split('/')[0]);
    return [...names].filter(Boolean).sort();
  }

  /** a number that changes whenever anything this container can see is written */
  version(): number {
    let v = this.layer.version;
    for (const m of this.mounts) v += m.volume.version;
    return v;
  }
}
