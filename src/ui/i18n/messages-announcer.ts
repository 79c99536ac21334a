/**
 * What the screen-reader live region says as the cluster changes (src/ui/announcer.ts).
 * Pod status words (Running, CrashLoopBackOff...) and exit reasons stay as Kubernetes
 * prints them; the sentence around them is translated.
 */
export const en = {
  'announce.pod': 'pod {pod}: {changes}',
  'announce.sep': ', ',
  'announce.deleted': 'deleted',
  'announce.created': 'created, {status}',
  'announce.restarted.one': 'restarted (1 restart{last})',
  'announce.restarted': 'restarted ({n} restarts{last})',
  'announce.lastExit': ', last exit {reason} {code}',
  'announce.probeFailed': '{type} failed {run}/{threshold}',
  'announce.notReady': 'not ready {ready}',
  'announce.ready': 'ready {ready}',
  'announce.addedTo': 'added to Service {service}',
  'announce.backIn': 'back in Service {service}',
  'announce.removedTerminating': 'terminating, removed from Service {service}',
  'announce.removed': 'removed from Service {service}',
  'announce.left': 'left Service {service}',
  'announce.noEndpoints': 'Service {service}: no ready endpoints, requests fail',
  'live.sep': '. ',
  'live.end': '.',
  'live.more.one': '. And 1 more change.',
  'live.more': '. And {n} more changes.',
};

