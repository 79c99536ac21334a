/** The Japanese of ./messages-announcer.ts: fetched only when the UI is in Japanese (lang-loading.ts). */
import type { en } from './messages-announcer';

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
