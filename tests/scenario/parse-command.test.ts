import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/scenario/commands/parse-command';
import type { Command } from '../../src/scenario/commands/command-ast';

function ok(line: string): Command {
  const r = parseCommand(line);
  if (!r.ok) throw new Error(`${line}: ${r.message}`);
  return r.command;
}

const GET = { kind: 'kubectl', verb: 'get', names: [], output: 'default', allNamespaces: false, showLabels: false, watch: false } as const;
const LOGS = { kind: 'kubectl', verb: 'logs', podIsDeployment: false, previous: false, allContainers: false, prefix: false, tail: -1, follow: false, timestamps: false } as const;

describe('parseCommand: kubectl get', () => {
  it.each<[string, object]>([
    ['kubectl get pods', { ...GET, resources: ['pods'] }],
    ['k get po', { ...GET, resources: ['pods'] }],
    ['kubectl get pod web', { ...GET, resources: ['pods'], names: ['web'] }],
    ['kubectl get pods -o wide', { ...GET, resources: ['pods'], output: 'wide' }],
    ['kubectl get pods -owide', { ...GET, resources: ['pods'], output: 'wide' }],
    ['kubectl get -o=yaml pod/web', { ...GET, resources: ['pods'], names: ['web'], output: 'yaml' }],
    ['kubectl get pods --output=json', { ...GET, resources: ['pods'], output: 'json' }],
    ['kubectl get svc,ep web', { ...GET, resources: ['services', 'endpoints'], names: ['web'] }],
    ['kubectl get endpointslices -l kubernetes.io/service-name=web', { ...GET, resources: ['endpointslices'], selector: { 'kubernetes.io/service-name': 'web' } }],
    ['kubectl get all', { ...GET, resources: ['pods', 'services', 'deployments', 'replicasets'] }],
    ['kubectl get deploy,rs', { ...GET, resources: ['deployments', 'replicasets'] }],
    ['kubectl get deployments.apps', { ...GET, resources: ['deployments'] }],
    ['kubectl get ev --field-selector involvedObject.name=web', { ...GET, resources: ['events'], fieldSelector: { 'involvedObject.name': 'web' } }],
    ['kubectl get no', { ...GET, resources: ['nodes'] }],
    ['kubectl get cm,secret', { ...GET, resources: ['configmaps', 'secrets'] }],
    ['kubectl get pods -A', { ...GET, resources: ['pods'], allNamespaces: true }],
    ['kubectl get pods --show-labels -w', { ...GET, resources: ['pods'], showLabels: true, watch: true }],
    ['kubectl get pods -l app=web,tier=front', { ...GET, resources: ['pods'], selector: { app: 'web', tier: 'front' } }],
    ['kubectl -n default get pods', { ...GET, resources: ['pods'] }],
    ['kubectl get pods --namespace=default', { ...GET, resources: ['pods'] }],
  ])('%s', (line, command) => {
    expect(ok(line)).toEqual(command);
  });
});

describe('parseCommand: other kubectl verbs', () => {
  it.each<[string, object]>([
    ['kubectl describe pod web', { kind: 'kubectl', verb: 'describe', resource: 'pods', names: ['web'] }],
    ['kubectl describe deploy/web', { kind: 'kubectl', verb: 'describe', resource: 'deployments', names: ['web'] }],
    ['kubectl describe pods -l app=web', { kind: 'kubectl', verb: 'describe', resource: 'pods', names: [], selector: { app: 'web' } }],
    ['kubectl logs web', { ...LOGS, pod: 'web' }],
    ['kubectl logs web -c app -p', { ...LOGS, pod: 'web', container: 'app', previous: true }],
    ['kubectl logs --container=app web --previous', { ...LOGS, pod: 'web', container: 'app', previous: true }],
    ['kubectl logs web app', { ...LOGS, pod: 'web', container: 'app' }],
    ['kubectl logs pod/web --tail=5', { ...LOGS, pod: 'web', tail: 5 }],
    ['kubectl logs web --tail 5 -f', { ...LOGS, pod: 'web', tail: 5, follow: true }],
    ['kubectl logs deploy/web --all-containers --prefix', { ...LOGS, pod: 'web', podIsDeployment: true, allContainers: true, prefix: true }],
    ['kubectl logs web --timestamps', { ...LOGS, pod: 'web', timestamps: true }],
    ['kubectl top pod', { kind: 'kubectl', verb: 'top', resource: 'pod', names: [], containers: false, allNamespaces: false, sum: false, noHeaders: false }],
    [
      'kubectl top pods web --containers --sort-by=memory --sum --no-headers',
      { kind: 'kubectl', verb: 'top', resource: 'pod', names: ['web'], containers: true, allNamespaces: false, sortBy: 'memory', sum: true, noHeaders: true },
    ],
    ['kubectl top no', { kind: 'kubectl', verb: 'top', resource: 'node', names: [], containers: false, allNamespaces: false, sum: false, noHeaders: false }],
    ['kubectl exec web -- rm /tmp/healthy', { kind: 'kubectl', verb: 'exec', pod: 'web', argv: ['rm', '/tmp/healthy'], stdin: false, tty: false }],
    ['kubectl exec -it web -c app -- sh', { kind: 'kubectl', verb: 'exec', pod: 'web', container: 'app', argv: ['sh'], stdin: true, tty: true }],
    [
      `kubectl exec pod/web -- sh -c 'echo "a b" > /tmp/x'`,
      { kind: 'kubectl', verb: 'exec', pod: 'web', argv: ['sh', '-c', 'echo "a b" > /tmp/x'], stdin: false, tty: false },
    ],
    ['kubectl delete pod web', { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['web'], force: false, wait: true }],
    ['kubectl delete pod/web --grace-period=0 --force', { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['web'], gracePeriod: 0, force: true, wait: true }],
    // kubectl turns --grace-period=0 without --force into 1
    ['kubectl delete pod web --grace-period=0', { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['web'], gracePeriod: 1, force: false, wait: true }],
    ['kubectl delete pod web --now', { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['web'], gracePeriod: 1, force: false, wait: true }],
    ['kubectl delete pods a b --wait=false', { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['a', 'b'], force: false, wait: false }],
    ['kubectl scale deploy web --replicas=3', { kind: 'kubectl', verb: 'scale', resource: 'deployments', name: 'web', replicas: 3 }],
    ['kubectl scale --replicas 0 rs/web-1', { kind: 'kubectl', verb: 'scale', resource: 'replicasets', name: 'web-1', replicas: 0 }],
    ['kubectl apply -f -', { kind: 'kubectl', verb: 'apply', file: '-' }],
    ['kubectl apply --filename=-', { kind: 'kubectl', verb: 'apply', file: '-' }],
    ['kubectl set image deploy/web app=nginx:1.27', { kind: 'kubectl', verb: 'set-image', deployment: 'web', images: { app: 'nginx:1.27' } }],
    ['kubectl set image deployment web app=a:1 side=b:2', { kind: 'kubectl', verb: 'set-image', deployment: 'web', images: { app: 'a:1', side: 'b:2' } }],
    ['kubectl rollout status deploy/web', { kind: 'kubectl', verb: 'rollout-status', deployment: 'web' }],
    ['kubectl rollout status deployment web -w', { kind: 'kubectl', verb: 'rollout-status', deployment: 'web' }],
  ])('%s', (line, command) => {
    expect(ok(line)).toEqual(command);
  });
});

describe('parseCommand: sim', () => {
  const web = { name: 'web', deployment: false };
  it.each<[string, object]>([
    ['sim probe web readiness fail', { kind: 'sim', verb: 'probe', target: web, probe: 'readiness', mode: 'fail' }],
    ['sim probe web/app liveness auto', { kind: 'sim', verb: 'probe', target: { ...web, container: 'app' }, probe: 'liveness', mode: 'auto' }],
    ['sim probe deploy/web startup pass', { kind: 'sim', verb: 'probe', target: { name: 'web', deployment: true }, probe: 'startup', mode: 'pass' }],
    ['sim http deploy/web/app /login 503', { kind: 'sim', verb: 'http', target: { name: 'web', deployment: true, container: 'app' }, path: '/login', status: 503 }],
    ['sim tcp web 8080 closed', { kind: 'sim', verb: 'tcp', target: web, port: 8080, open: false }],
    ['sim tcp web 8080 open', { kind: 'sim', verb: 'tcp', target: web, port: 8080, open: true }],
    ['sim hang web on', { kind: 'sim', verb: 'hang', target: web, on: true }],
    ['sim hang web off', { kind: 'sim', verb: 'hang', target: web, on: false }],
    ['sim crash web', { kind: 'sim', verb: 'crash', target: web, code: 1 }],
    ['sim crash web/app 137', { kind: 'sim', verb: 'crash', target: { ...web, container: 'app' }, code: 137 }],
    ['sim cpu web 250m', { kind: 'sim', verb: 'cpu', target: web, milli: 250 }],
    ['sim cpu web 0.5', { kind: 'sim', verb: 'cpu', target: web, milli: 500 }],
    ['sim memory web 128Mi', { kind: 'sim', verb: 'memory', target: web, bytes: 134217728 }],
  ])('%s', (line, command) => {
    expect(ok(line)).toEqual(command);
  });
});

describe('parseCommand: errors name what is wrong, in kubectl words where kubectl has some', () => {
  it.each<[string, string, number]>([
    ['kubectl frob', 'error: unknown command "frob" for "kubectl"', 9],
    ['kubectl get pdo', `error: the server doesn't have a resource type "pdo"`, 13],
    ['kubectl get pods --foo', 'error: unknown flag: --foo', 18],
    ['kubectl get pods -z', "error: unknown shorthand flag: 'z' in -z", 18],
    ['kubectl get', 'error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.', 9],
    ['kubectl get pods -o', "error: flag needs an argument: 'o' in -o", 18],
    ['kubectl get pods -o jsonpath={.x}', 'error: unable to match a printer suitable for the output format "jsonpath={.x}", allowed formats are: json,name,wide,yaml', 18],
    [
      'kubectl get pods pod/web',
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      18,
    ],
    ['kubectl get pods web -A', 'error: a resource cannot be retrieved by name across all namespaces', 22],
    ['kubectl get pods --no-headers', 'error: podsim does not support the flag --no-headers of "kubectl get"', 18],
    ['kubectl -n kube-system get pods', 'error: podsim has only the "default" namespace, not "kube-system"', 9],
    ['kubectl logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 9],
    ['kubectl logs web app -c side', 'error: only one of -c or an inline [CONTAINER] arg is allowed', 18],
    ['kubectl logs web --tail=abc', 'error: invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax', 18],
    ['kubectl logs web -c', "error: flag needs an argument: 'c' in -c", 18],
    ['kubectl logs web --container', 'error: flag needs an argument: --container', 18],
    ['kubectl exec web ls', 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 18],
    ['kubectl exec web --', 'error: you must specify at least one command for the container', 14],
    ['kubectl delete', 'error: You must provide one or more resources by argument or filename.', 9],
    ['kubectl delete pod', 'error: resource(s) were provided, but no name was specified', 16],
    ['kubectl delete pod web --force=maybe', 'error: invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax', 24],
    ['kubectl scale deploy/web', 'error: required flag(s) "replicas" not set', 9],
    ['kubectl scale deploy/web --replicas=-2', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', 26],
    ['kubectl apply', 'error: must specify one of -f and -k', 9],
    ['kubectl top pod --sort-by=disk', 'error: --sort-by accepts only cpu or memory', 17],
    ['kubectl top svc', 'error: unknown command "svc" for "kubectl top"', 13],
    ['kubectl rollout frob deploy/web', 'error: unknown command "frob" for "kubectl rollout"', 17],
    ['kubectl set image deploy/web', 'error: at least one image update is required', 19],
    ['kubectl create deploy web --image=nginx', 'error: podsim does not simulate "kubectl create"; it supports get, describe, logs, top, exec, delete, scale, apply -f -, set image and rollout status', 9],
    ['sim frob web', 'sim: unknown command "frob"; use one of probe, http, tcp, hang, crash, cpu, memory', 5],
    ['sim probe web ready fail', 'sim probe: "ready" is not a probe type; use readiness, liveness or startup', 15],
    ['sim probe web readiness broken', 'sim probe: "broken" is not a probe mode; use fail, pass or auto', 25],
    ['sim probe web readiness', 'sim probe: missing probe mode; usage: sim probe POD[/CONTAINER] readiness|liveness|startup fail|pass|auto', 24],
    ['sim http web login 503', 'sim http: "login" is not a path; a path starts with "/"', 14],
    ['sim http web /login 700', 'sim http: "700" is not an HTTP status (a whole number from 100 to 599)', 21],
    ['sim tcp web 70000 open', 'sim tcp: "70000" is not a port (a whole number from 1 to 65535)', 13],
    ['sim hang web maybe', 'sim hang: "maybe" is not a hang state; use on or off', 14],
    ['sim crash web x', 'sim crash: "x" is not an exit code (a whole number from 0 to 255)', 15],
    ['sim memory web lots', 'sim memory: "lots" is not a quantity (e.g. 128Mi or 1Gi)', 16],
    ['sim hang web on now', 'sim hang: unexpected "now"; usage: sim hang POD[/CONTAINER] on|off', 17],
    ['sim crash web/a/b', 'sim crash: "web/a/b" is not a target; use POD, POD/CONTAINER, deploy/NAME or deploy/NAME/CONTAINER', 11],
    ['echo hi', 'unknown command "echo": a command starts with kubectl or sim', 1],
    ['   ', 'empty command: a command starts with kubectl or sim', 1],
    ['kubectl exec web -- sh -c "echo', 'unterminated quote (") in the command', 27],
  ])('%s', (line, message, column) => {
    expect(parseCommand(line)).toEqual({ ok: false, message, column });
  });
});
