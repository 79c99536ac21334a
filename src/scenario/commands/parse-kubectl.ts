/**
 * The kubectl verbs podsim answers: get, describe, logs, top, exec, delete, scale,
 * apply -f -, set image, rollout status. Arguments and flags are read as kubectl
 * reads them and errors keep kubectl's wording (k8s.io/kubectl/pkg/cmd/...);
 * where kubectl would work but podsim does not simulate it, the error says so.
 */
import type { KubectlCommand, OutputFormat, ResourceKind } from './command-ast';
import { checkNamespace, flagBool, flagInt, flagString, parseFlags, type FlagSpec, type ParsedFlags } from './kubectl-flags';
import { ALL_RESOURCES, lookupResource } from './kubectl-resources';
import { CommandError, type Word } from './shell-words';

const SUPPORTED_VERBS = 'get, describe, logs, top, exec, delete, scale, apply -f -, set image and rollout status';

/** Commands kubectl has that podsim does not simulate. */
const OTHER_KUBECTL_VERBS = new Set([
  'create', 'expose', 'run', 'explain', 'edit', 'patch', 'replace', 'label', 'annotate', 'autoscale', 'wait', 'diff',
  'kustomize', 'port-forward', 'proxy', 'cp', 'attach', 'auth', 'debug', 'events', 'certificate', 'cluster-info',
  'cordon', 'uncordon', 'drain', 'taint', 'api-resources', 'api-versions', 'config', 'plugin', 'version', 'completion',
  'alpha', 'options',
]);

function resource(word: Word, text = word.text): ResourceKind {
  const r = lookupResource(text);
  if (!r.ok) throw new CommandError(r.message, word.column);
  return r.kind;
}

interface TypeName {
  type: string;
  name: string;
}

function splitTypeName(word: Word): TypeName | undefined {
  const slash = word.text.indexOf('/');
  if (slash < 0) return undefined;
  const type = word.text.slice(0, slash);
  const name = word.text.slice(slash + 1);
  if (!type || !name || name.includes('/')) {
    throw new CommandError(`error: arguments in resource/name form must have a single resource and name`, word.column);
  }
  return { type, name };
}

interface ResourceArgs {
  kinds: ResourceKind[];
  names: string[];
  /** the word that named the kind(s) */
  at: Word;
}

/** kubectl's resource builder: `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME [TYPE/NAME...]`. */
function resourceArgs(args: Word[], verb: string): ResourceArgs {
  const first = args[0];
  if (first.text.includes('/')) {
    const kinds: ResourceKind[] = [];
    const names: string[] = [];
    for (const w of args) {
      const tn = splitTypeName(w);
      if (!tn) {
        throw new CommandError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'`,
          w.column,
        );
      }
      const kind = resource(w, tn.type);
      if (kinds.length > 0 && kinds[0] !== kind) {
        throw new CommandError(`error: podsim takes TYPE/NAME arguments of one type at a time; run one "kubectl ${verb}" per type`, w.column);
      }
      if (kinds.length === 0) kinds.push(kind);
      names.push(tn.name);
    }
    return { kinds, names, at: first };
  }
  const kinds: ResourceKind[] = [];
  let col = first.column;
  for (const part of first.text.split(',')) {
    if (part === 'all') kinds.push(...ALL_RESOURCES.filter((k) => !kinds.includes(k)));
    else {
      const kind = resource({ text: part, column: col }, part);
      if (!kinds.includes(kind)) kinds.push(kind);
    }
    col += part.length + 1;
  }
  const names = args.slice(1).map((w) => {
    if (w.text.includes('/')) {
      throw new CommandError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'`,
        w.column,
      );
    }
    return w.text;
  });
  return { kinds, names, at: first };
}

/** -l / --field-selector: equality requirements only. */
function equalitySelector(text: string, word: Word): Record<string, string> {
  const out: Record<string, string> = {};
  for (const req of text.split(',')) {
    const m = /^\s*([^=!\s]+)\s*==?\s*([^=!\s]*)\s*$/.exec(req);
    if (!m) {
      throw new CommandError(`error: podsim understands only equality selectors (key=value[,key=value]), not ${JSON.stringify(req)}`, word.column);
    }
    out[m[1]] = m[2];
  }
  return out;
}

function selectorFlag(f: ParsedFlags, name: string): Record<string, string> | undefined {
  const v = f.values.get(name);
  return v === undefined ? undefined : equalitySelector(String(v.value), v.word);
}

const OUTPUTS: Record<string, OutputFormat> = { '': 'default', wide: 'wide', yaml: 'yaml', json: 'json', name: 'name' };

function parseGet(rest: Word[]): KubectlCommand {
  const f = parseFlags(
    rest,
    [
      { name: 'output', short: 'o', type: 'string' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'field-selector', type: 'string' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'show-labels', type: 'bool' },
      { name: 'watch', short: 'w', type: 'bool' },
    ],
    'kubectl get',
    ['--no-headers', '-L', '--label-columns', '--sort-by', '--ignore-not-found', '--show-kind', '--watch-only', '--output-watch-events', '--chunk-size', '--raw', '--template', '-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '--server-print', '--subresource', '--show-managed-fields'],
  );
  checkNamespace(f);
  if (f.afterDash?.length) throw new CommandError(`error: unexpected arguments after "--"`, f.afterDash[0].column);
  if (f.args.length === 0) {
    throw new CommandError(
      'error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
      1,
    );
  }
  const { kinds, names } = resourceArgs(f.args, 'get');
  const o = f.values.get('output');
  const output = OUTPUTS[o ? String(o.value) : ''];
  if (!output) {
    throw new CommandError(
      `error: unable to match a printer suitable for the output format ${JSON.stringify(String(o!.value))}, allowed formats are: json,name,wide,yaml`,
      o!.word.column,
    );
  }
  const allNamespaces = flagBool(f, 'all-namespaces');
  if (allNamespaces && names.length > 0) {
    throw new CommandError('error: a resource cannot be retrieved by name across all namespaces', f.values.get('all-namespaces')!.word.column);
  }
  const selector = selectorFlag(f, 'selector');
  const fieldSelector = selectorFlag(f, 'field-selector');
  return {
    kind: 'kubectl',
    verb: 'get',
    resources: kinds,
    names,
    output,
    ...(selector ? { selector } : {}),
    ...(fieldSelector ? { fieldSelector } : {}),
    allNamespaces,
    showLabels: flagBool(f, 'show-labels'),
    watch: flagBool(f, 'watch'),
  };
}

function parseDescribe(rest: Word[]): KubectlCommand {
  const f = parseFlags(
    rest,
    [
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
    ],
    'kubectl describe',
    ['--show-events', '--chunk-size', '-f', '--filename', '-k', '-R'],
  );
  checkNamespace(f);
  if (f.args.length === 0) {
    throw new CommandError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      1,
    );
  }
  const { kinds, names, at } = resourceArgs(f.args, 'describe');
  if (kinds.length !== 1) throw new CommandError('error: podsim describes one resource type at a time', at.column);
  const selector = selectorFlag(f, 'selector');
  return { kind: 'kubectl', verb: 'describe', resource: kinds[0], names, ...(selector ? { selector } : {}) };
}

const LOGS_USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** A pod argument: NAME, pod/NAME, or (where allowed) deploy/NAME. */
function podArg(word: Word, allowDeployment: boolean, verb: string): { name: string; deployment: boolean } {
  const tn = splitTypeName(word);
  if (!tn) return { name: word.text, deployment: false };
  const kind = resource(word, tn.type);
  if (kind === 'pods') return { name: tn.name, deployment: false };
  if (kind === 'deployments' && allowDeployment) return { name: tn.name, deployment: true };
  throw new CommandError(`error: podsim takes a pod${allowDeployment ? ' or deploy/NAME' : ''} for "kubectl ${verb}", not ${word.text}`, word.column);
}

function parseLogs(rest: Word[]): KubectlCommand {
  const f = parseFlags(
    rest,
    [
      { name: 'container', short: 'c', type: 'string' },
      { name: 'previous', short: 'p', type: 'bool' },
      { name: 'all-containers', type: 'bool' },
      { name: 'prefix', type: 'bool' },
      { name: 'tail', type: 'int' },
      { name: 'follow', short: 'f', type: 'bool' },
      { name: 'timestamps', type: 'bool' },
    ],
    'kubectl logs',
    ['-l', '--selector', '--since', '--since-time', '--limit-bytes', '--max-log-requests', '--pod-running-timeout', '--ignore-errors', '--all-pods', '--insecure-skip-tls-verify-backend'],
  );
  checkNamespace(f);
  const args = [...f.args, ...(f.afterDash ?? [])];
  if (args.length === 0 || args.length > 2) throw new CommandError(LOGS_USAGE, args[2]?.column ?? 1);
  const target = podArg(args[0], true, 'logs');
  let container = flagString(f, 'container');
  if (args.length === 2) {
    if (container !== undefined) throw new CommandError('error: only one of -c or an inline [CONTAINER] arg is allowed', args[1].column);
    container = args[1].text;
  }
  const allContainers = flagBool(f, 'all-containers');
  if (allContainers && container !== undefined) {
    throw new CommandError(`error: --all-containers=true should not be specified with container name ${container}`, f.values.get('all-containers')!.word.column);
  }
  return {
    kind: 'kubectl',
    verb: 'logs',
    pod: target.name,
    podIsDeployment: target.deployment,
    ...(container !== undefined ? { container } : {}),
    previous: flagBool(f, 'previous'),
    allContainers,
    prefix: flagBool(f, 'prefix'),
    tail: flagInt(f, 'tail', -1),
    follow: flagBool(f, 'follow'),
    timestamps: flagBool(f, 'timestamps'),
  };
}

function parseTop(rest: Word[]): KubectlCommand {
  const sub = rest[0];
  if (!sub || sub.text.startsWith('-')) throw new CommandError('error: expected "kubectl top pod" or "kubectl top node"', sub?.column ?? 1);
  const which = ({ pod: 'pod', pods: 'pod', po: 'pod', node: 'node', nodes: 'node', no: 'node' } as const)[sub.text as 'pod'];
  if (!which) throw new CommandError(`error: unknown command ${JSON.stringify(sub.text)} for "kubectl top"`, sub.column);
  const specs: FlagSpec[] = [
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
  ];
  if (which === 'pod') {
    specs.push({ name: 'containers', type: 'bool' }, { name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'sum', type: 'bool' });
  }
  const f = parseFlags(rest.slice(1), specs, `kubectl top ${which}`, ['-l', '--selector', '--use-protocol-buffers', '--show-swap', '--show-capacity', '--field-selector']);
  checkNamespace(f);
  if (f.args.length > 1) throw new CommandError(`error: ${which} [NAME | -l label]`, f.args[1].column);
  const sort = f.values.get('sort-by');
  let sortBy: 'cpu' | 'memory' | undefined;
  if (sort) {
    if (sort.value !== 'cpu' && sort.value !== 'memory') throw new CommandError('error: --sort-by accepts only cpu or memory', sort.word.column);
    sortBy = sort.value;
  }
  return {
    kind: 'kubectl',
    verb: 'top',
    resource: which,
    names: f.args.map((w) => podOrNodeName(w, which)),
    containers: flagBool(f, 'containers'),
    allNamespaces: flagBool(f, 'all-namespaces'),
    ...(sortBy ? { sortBy } : {}),
    sum: flagBool(f, 'sum'),
    noHeaders: flagBool(f, 'no-headers'),
  };
}

function podOrNodeName(w: Word, which: 'pod' | 'node'): string {
  const tn = splitTypeName(w);
  if (!tn) return w.text;
  const kind = resource(w, tn.type);
  if ((which === 'pod' && kind === 'pods') || (which === 'node' && kind === 'nodes')) return tn.name;
  throw new CommandError(`error: expected a ${which} name, not ${w.text}`, w.column);
}

function parseExec(rest: Word[]): KubectlCommand {
  const f = parseFlags(
    rest,
    [
      { name: 'container', short: 'c', type: 'string' },
      { name: 'stdin', short: 'i', type: 'bool' },
      { name: 'tty', short: 't', type: 'bool' },
    ],
    'kubectl exec',
    ['-q', '--quiet', '--pod-running-timeout', '-f', '--filename'],
  );
  checkNamespace(f);
  if (f.args.length === 0) {
    throw new CommandError(
      "error: expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command",
      1,
    );
  }
  if (f.args.length > 1) {
    throw new CommandError('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', f.args[1].column);
  }
  if (!f.afterDash || f.afterDash.length === 0) {
    throw new CommandError('error: you must specify at least one command for the container', f.args[0].column);
  }
  const container = flagString(f, 'container');
  return {
    kind: 'kubectl',
    verb: 'exec',
    pod: podArg(f.args[0], false, 'exec').name,
    ...(container !== undefined ? { container } : {}),
    argv: f.afterDash.map((w) => w.text),
    stdin: flagBool(f, 'stdin'),
    tty: flagBool(f, 'tty'),
  };
}

function parseDelete(rest: Word[]): KubectlCommand {
  const f = parseFlags(
    rest,
    [
      { name: 'grace-period', type: 'int' },
      { name: 'force', type: 'bool' },
      { name: 'wait', type: 'bool' },
      { name: 'now', type: 'bool' },
    ],
    'kubectl delete',
    ['-l', '--selector', '--all', '-A', '--all-namespaces', '--ignore-not-found', '-f', '--filename', '-k', '--cascade', '--dry-run', '--field-selector', '--timeout', '-i', '--interactive', '-o', '--output', '--raw', '-R'],
  );
  checkNamespace(f);
  if (f.args.length === 0) throw new CommandError('error: You must provide one or more resources by argument or filename.', 1);
  const { kinds, names, at } = resourceArgs(f.args, 'delete');
  if (kinds.length !== 1) throw new CommandError('error: podsim deletes one resource type at a time', at.column);
  if (names.length === 0) throw new CommandError('error: resource(s) were provided, but no name was specified', at.column);
  // delete.go: --now means a grace period of 1 s; 0 without --force becomes 1 (backwards compatibility)
  let grace = flagInt(f, 'grace-period', -1);
  const force = flagBool(f, 'force');
  if (flagBool(f, 'now')) {
    if (grace !== -1) throw new CommandError('error: --now and --grace-period cannot be specified together', f.values.get('now')!.word.column);
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return {
    kind: 'kubectl',
    verb: 'delete',
    resource: kinds[0],
    names,
    ...(grace >= 0 ? { gracePeriod: grace } : {}),
    force,
    wait: flagBool(f, 'wait', true),
  };
}

function parseScale(rest: Word[]): KubectlCommand {
  const f = parseFlags(rest, [{ name: 'replicas', type: 'int' }], 'kubectl scale', [
    '--current-replicas',
    '--resource-version',
    '--timeout',
    '-l',
    '--selector',
    '--all',
    '-f',
    '--filename',
    '--dry-run',
    '-o',
  ]);
  checkNamespace(f);
  if (!f.values.has('replicas')) throw new CommandError('error: required flag(s) "replicas" not set', 1);
  const replicas = flagInt(f, 'replicas', -1);
  if (replicas < 0) {
    throw new CommandError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', f.values.get('replicas')!.word.column);
  }
  if (f.args.length === 0) throw new CommandError('error: You must provide one or more resources by argument or filename.', 1);
  const { kinds, names, at } = resourceArgs(f.args, 'scale');
  const kind = kinds[0];
  if (kinds.length !== 1 || (kind !== 'deployments' && kind !== 'replicasets')) {
    throw new CommandError(`error: podsim scales only deployments and replicasets, not ${kinds.join(',')}`, at.column);
  }
  if (names.length === 0) throw new CommandError('error: resource(s) were provided, but no name was specified', at.column);
  if (names.length > 1) throw new CommandError('error: podsim scales one object at a time', f.args[f.args.length - 1].column);
  return { kind: 'kubectl', verb: 'scale', resource: kind, name: names[0], replicas };
}

function parseApply(rest: Word[]): KubectlCommand {
  const f = parseFlags(rest, [{ name: 'filename', short: 'f', type: 'string' }], 'kubectl apply', [
    '-k',
    '--kustomize',
    '--server-side',
    '--dry-run',
    '--prune',
    '-R',
    '--recursive',
    '--force',
    '--overwrite',
    '--validate',
    '-o',
    '--output',
    '--wait',
  ]);
  checkNamespace(f);
  if (f.args.length > 0) throw new CommandError(`error: Unexpected args: [${f.args.map((w) => w.text).join(' ')}]`, f.args[0].column);
  const file = f.values.get('filename');
  if (!file) throw new CommandError('error: must specify one of -f and -k', 1);
  if (file.value !== '-') {
    throw new CommandError('error: podsim reads manifests only from standard input: use "kubectl apply -f -" with the manifest following', file.word.column);
  }
  return { kind: 'kubectl', verb: 'apply', file: '-' };
}

/** deploy/NAME or `deployment NAME` (set image, rollout status). */
function deploymentArg(args: Word[], verb: string): string {
  if (args.length === 0) throw new CommandError('error: Required resource not specified.', 1);
  const { kinds, names, at } = resourceArgs(args, verb);
  if (kinds.length !== 1 || kinds[0] !== 'deployments') {
    throw new CommandError(`error: podsim supports "kubectl ${verb}" for deployments only, not ${at.text}`, at.column);
  }
  if (names.length !== 1) {
    throw new CommandError(`error: expected one deployment: deploy/NAME`, names.length === 0 ? at.column : args[args.length - 1].column);
  }
  return names[0];
}

function parseSet(rest: Word[]): KubectlCommand {
  const sub = rest[0];
  if (!sub || sub.text !== 'image') {
    throw new CommandError('error: podsim supports only "kubectl set image deploy/NAME CONTAINER=IMAGE"', sub?.column ?? 1);
  }
  const f = parseFlags(rest.slice(1), [], 'kubectl set image', ['--all', '-l', '--selector', '--local', '--dry-run', '-f', '--filename', '-o', '--record']);
  checkNamespace(f);
  const pairs = f.args.filter((w) => w.text.includes('='));
  const resources = f.args.filter((w) => !w.text.includes('='));
  if (resources.length === 0) {
    throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>', 1);
  }
  const deployment = deploymentArg(resources, 'set image');
  if (pairs.length === 0) throw new CommandError('error: at least one image update is required', resources[0].column);
  const images: Record<string, string> = {};
  for (const w of pairs) {
    const eq = w.text.indexOf('=');
    const name = w.text.slice(0, eq);
    const image = w.text.slice(eq + 1);
    if (!name || !image) throw new CommandError(`error: invalid image update ${JSON.stringify(w.text)}: expected CONTAINER=IMAGE`, w.column);
    images[name] = image;
  }
  return { kind: 'kubectl', verb: 'set-image', deployment, images };
}

function parseRollout(rest: Word[]): KubectlCommand {
  const sub = rest[0];
  const known = ['history', 'pause', 'restart', 'resume', 'undo'];
  if (!sub || sub.text.startsWith('-')) throw new CommandError('error: podsim supports only "kubectl rollout status deploy/NAME"', sub?.column ?? 1);
  if (sub.text !== 'status') {
    if (known.includes(sub.text)) throw new CommandError(`error: podsim does not simulate "kubectl rollout ${sub.text}"; it supports "kubectl rollout status"`, sub.column);
    throw new CommandError(`error: unknown command ${JSON.stringify(sub.text)} for "kubectl rollout"`, sub.column);
  }
  const f = parseFlags(rest.slice(1), [{ name: 'watch', short: 'w', type: 'bool' }], 'kubectl rollout status', ['--timeout', '--revision', '-f', '--filename', '-l', '--selector']);
  checkNamespace(f);
  return { kind: 'kubectl', verb: 'rollout-status', deployment: deploymentArg(f.args, 'rollout status') };
}

const VERBS: Record<string, (rest: Word[]) => KubectlCommand> = {
  get: parseGet,
  describe: parseDescribe,
  logs: parseLogs,
  top: parseTop,
  exec: parseExec,
  delete: parseDelete,
  scale: parseScale,
  apply: parseApply,
  set: parseSet,
  rollout: parseRollout,
};

/** `words` are the words after `kubectl`. */
export function parseKubectl(words: Word[]): KubectlCommand {
  // global flags may come before the verb: `kubectl -n default get pods`
  let i = 0;
  const leading: Word[] = [];
  while (i < words.length && words[i].text.startsWith('-')) {
    const w = words[i++];
    leading.push(w);
    if ((w.text === '-n' || w.text === '--namespace') && i < words.length) leading.push(words[i++]);
  }
  if (leading.length > 0) checkNamespace(parseFlags(leading, [], 'kubectl'));
  const verb = words[i];
  if (!verb) throw new CommandError(`error: expected a kubectl command: ${SUPPORTED_VERBS}`, 1);
  const parse = VERBS[verb.text];
  if (parse) {
    try {
      return parse(words.slice(i + 1));
    } catch (e) {
      // positions of "whole command" problems point at the verb
      if (e instanceof CommandError && e.column === 1) throw new CommandError(e.message, verb.column);
      throw e;
    }
  }
  if (OTHER_KUBECTL_VERBS.has(verb.text)) {
    throw new CommandError(`error: podsim does not simulate "kubectl ${verb.text}"; it supports ${SUPPORTED_VERBS}`, verb.column);
  }
  throw new CommandError(`error: unknown command ${JSON.stringify(verb.text)} for "kubectl"`, verb.column);
}
