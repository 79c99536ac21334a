/**
 * The words `kubectl get pods` can show in STATUS (printPod in
 * k8s.io/kubernetes/pkg/printers/internalversion/printers.go): the pod phase, a pod
 * reason, a container's waiting or terminated reason, or one of printPod's own forms.
 * A scenario check names one of them; anything else is a typo that could never match.
 */

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/** container waiting reasons: pkg/kubelet/kubelet_pods.go, pkg/kubelet/images/types.go, pkg/kubelet/kuberuntime */
const WAITING = [
  'ContainerCreating',
  'PodInitializing',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RegistryUnavailable',
  'CreateContainerConfigError',
  'CreateContainerError',
  'PreStartHookError',
  'PostStartHookError',
  'RunContainerError',
];

/** container terminated reasons (container runtime and kubelet) */
const TERMINATED = ['Completed', 'Error', 'OOMKilled', 'ContainerCannotRun', 'StartError', 'DeadlineExceeded', 'ContainerStatusUnknown'];

/** pod.status.reason values and printPod's own words */
const POD = ['Terminating', 'NotReady', 'Evicted', 'NodeLost', 'Shutdown', 'Terminated', 'UnexpectedAdmissionError', 'NodeAffinity', 'SchedulingGated'];

export const POD_PHASES: readonly string[] = PHASES;

/** the fixed words, in the order they are listed to an author */
export const POD_STATUS_WORDS: readonly string[] = [...PHASES, ...WAITING, ...TERMINATED, ...POD];

const CONTAINER_REASONS = new Set([...WAITING, ...TERMINATED]);

/** printPod's computed forms: Init:0/2, Init:CrashLoopBackOff, Init:ExitCode:1, Signal:9, ExitCode:2 */
function isComputedForm(word: string): boolean {
  if (/^(Init:)?(ExitCode:-?\d+|Signal:\d+)$/.test(word)) return true;
  if (/^Init:\d+\/\d+$/.test(word)) return true;
  return word.startsWith('Init:') && CONTAINER_REASONS.has(word.slice(5));
}

export function isPodStatusWord(word: string): boolean {
  return POD_STATUS_WORDS.includes(word) || isComputedForm(word);
}

/** The listed word an author most likely meant (same letters in another case, or one or two typos). */
export function closestStatusWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = POD_STATUS_WORDS.find((w) => w.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { word: string; d: number } | undefined;
  for (const w of POD_STATUS_WORDS) {
    const d = editDistance(lower, w.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { word: w, d };
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
