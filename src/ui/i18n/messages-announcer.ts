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

export const ja: Record<keyof typeof en, string> = {
  'announce.pod': 'Pod {pod}: {changes}',
  'announce.sep': '、',
  'announce.deleted': '削除されました',
  'announce.created': '作成されました ({status})',
  'announce.restarted.one': '再起動しました (再起動 1 回{last})',
  'announce.restarted': '再起動しました (再起動 {n} 回{last})',
  'announce.lastExit': '、前回の終了 {reason} {code}',
  'announce.probeFailed': '{type}プローブが {run}/{threshold} 回失敗',
  'announce.notReady': 'Ready でなくなりました {ready}',
  'announce.ready': 'Ready になりました {ready}',
  'announce.addedTo': 'Service {service} に追加されました',
  'announce.backIn': 'Service {service} に戻りました',
  'announce.removedTerminating': '終了処理中のため Service {service} から外されました',
  'announce.removed': 'Service {service} から外されました',
  'announce.left': 'Service {service} から抜けました',
  'announce.noEndpoints': 'Service {service}: Ready なエンドポイントがなく、リクエストは失敗します',
  'live.sep': '。',
  'live.end': '。',
  'live.more.one': '。ほかに 1 件の変化があります。',
  'live.more': '。ほかに {n} 件の変化があります。',
};
