/** The Japanese of ./messages-app.ts: fetched only when the UI is in Japanese (lang-loading.ts). */
import type { en } from './messages-app';

export const ja: Record<keyof typeof en, string> = {
  'app.tagline': 'Pod シミュレーター',
  'app.cluster': 'クラスター: {title}',
  'app.noScenario': 'シナリオなし',
  'app.panels': 'パネル',
  'lang.label': '言語',

  'tab.about': '概要',
  'tab.inspector': 'インスペクター',
  'tab.events': 'イベント',
  'tab.yaml': 'YAML',

  'transport.group': '再生コントロール',
  'transport.play': '再生',
  'transport.pause': '一時停止',
  'transport.playKey': '再生 (Space)',
  'transport.pauseKey': '一時停止 (Space)',
  'transport.prev': '前のイベントに戻る (←キー)',
  'transport.prevTitle': '前のイベント (←)',
  'transport.next': '次のイベントに進む (→キー)',
  'transport.nextTitle': '次のイベント (→)',
  'transport.restart': '最初からやり直す',
  'transport.restartTitle': '最初から',
  'transport.speed': '速度',
  'transport.speedLabel': '再生速度',
  'transport.timeline': 'タイムライン',
  'transport.timeOf': '{now}（全体 {total}）',
  'transport.clock': '仮想時間',

  'canvas.error': 'キャンバスを開始できませんでした（{error}）。コンソール、イベント、インスペクターは引き続き使えます。',
  'canvas.label': 'クラスターの図: {summary}',
  'canvas.none': 'シナリオが読み込まれていません。',
  'canvas.summary.one': 'ノード 1 台、Pod {pods} 個（Running かつ Ready は {ready} 個）',
  'canvas.summary': 'ノード {nodes} 台、Pod {pods} 個（Running かつ Ready は {ready} 個）',
  'canvas.service': 'Service {service}: 成功 {ok}、失敗 {failed}',
  'canvas.zoom': 'ズーム',
  'canvas.zoomIn': '拡大',
  'canvas.zoomOut': '縮小',
  'canvas.fit': '全体',
  'canvas.fitLabel': 'クラスター全体を表示',

  'sep.list': '、',
  'sep.sentence': '。',
  'sep.end': '。',
};
