/**
 * Elasticsearch as podsim runs it: each shipped line is a document in an index, kept in
 * the container's data directory (its writable layer unless a volume is mounted there,
 * so a restart without a volume loses them, as with the real image). It answers
 * `GET /_count`, `GET /INDEX/_count`, `GET /_cat/indices` and `GET /`.
 */
import type { ContainerFs } from '../container-fs';

export const ES_DATA_DIR = '/usr/share/elasticsearch/data/indices';

function indexName(index: string): string {
  return index.replace(/[^A-Za-z0-9._-]/g, '_').toLowerCase() || 'logs';
}

/** store one document; false when the data directory cannot be written */
export function storeDocument(fs: ContainerFs, index: string, doc: string): boolean {
  fs.mkdirp(ES_DATA_DIR);
  const dir = `${ES_DATA_DIR}/${indexName(index)}`;
  fs.mkdirp(dir);
  const count = Number(fs.read(`${dir}/count`) ?? '0') + 1;
  if (fs.write(`${dir}/count`, String(count), false) !== null) return false;
  fs.write(`${dir}/last`, doc, false);
  return true;
}

export function documentCounts(fs: ContainerFs): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of fs.list(ES_DATA_DIR) ?? []) {
    const n = fs.read(`${ES_DATA_DIR}/${name}/count`);
    if (n !== undefined) out[name] = Number(n);
  }
  return out;
}

const SHARDS = '"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}';

export function elasticsearchBody(fs: ContainerFs, path: string, podName: string): string {
  const counts = documentCounts(fs);
  const p = path.split('?')[0];
  const count = /^\/(?:([^/_][^/]*)\/)?_count$/.exec(p);
  if (count) {
    const patterns = count[1] ? count[1].split(',') : ['*'];
    const re = patterns.map((x) => new RegExp('^' + x.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*') + '$'));
    const n = Object.entries(counts).filter(([k]) => re.some((r) => r.test(k))).reduce((a, [, v]) => a + v, 0);
    return `{"count":${n},${SHARDS}}\n`;
  }
  if (p === '/_cat/indices') {
    return Object.entries(counts)
      .map(([k, v]) => `green open ${k} 1 0 ${v} 0\n`)
      .join('');
  }
  if (p === '/' || p === '') return `{"name":"${podName}","cluster_name":"docker-cluster","version":{"number":"8.15.0"},"tagline":"You Know, for Search"}\n`;
  return '';
}
