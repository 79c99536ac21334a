/** The Japanese of ./share-messages.ts: fetched only when the UI is in Japanese (lang-loading.ts). */
import type { en } from './share-messages';

export const ja: Record<keyof typeof en, string> = {
  'share.open': '共有…',
  'share.openLabel': 'このシナリオを共有または埋め込む',
  'share.title': '共有と埋め込み',
  'share.intro': '以下の内容はすべてリンク自体に含まれます。どこにもアップロードされません。',
  'share.link': '共有リンク: 編集したシナリオ、入力したコマンド、表示中の時刻を含みます',
  'share.iframe': 'iframe で埋め込む (スクリプトを許可しないページでも動きます)',
  'share.element': '<pod-sim> 要素で埋め込む (script タグ 1 つ)',
  'share.copy': 'コピー',
  'share.copyLabel': 'コピー: {what}',
  'share.copied': 'コピーしました。',
  'share.copyManual': '選択しました。Ctrl+C (⌘C) でコピーしてください。',
  'share.making': 'リンクを作成中…',
  'share.close': '閉じる',

  'embedPage.title': 'podsim — 埋め込みシミュレーター',
  'embedPage.badParams': 'この埋め込みシミュレーターを開始できません:',
  'embedPage.noScenario': 'シナリオが指定されていません: ?scenario=URL (YAML ファイル、または同梱シナリオの名前) か #share= リンクを付けてください',
  'embedPage.badStart': 'start={value}: 時刻ではありません (30s、2m、1m30s のように書きます)',
  'embedPage.badSpeed': 'speed={value}: 速度ではありません (0.25 から 64 までの数値)',
  'embedPage.badOrigin': 'origin={value}: オリジンではありません (https://example.com のように書きます)',
  'embedPage.badControls': 'controls={value}: 不明な部分 "{part}" (canvas、header、panels、editor、console、all のいずれか)',
  'embedPage.startBeyond': 'start={value} はシナリオの終わり ({duration}) より後です',
  'embedPage.loadFailed': 'シナリオを読み込めませんでした:',
};
