/**
 * Words of the Share dialog (src/ui/ShareMenu.tsx) and of the iframe page
 * (src/embed/iframe): registered on import. The snippets themselves (HTML) and the
 * share link's own error messages stay English, like FILE:LINE:COLUMN problems.
 */
import { registerMessages } from './i18n';

export const en = {
  'share.open': 'Share…',
  'share.openLabel': 'Share or embed this scenario',
  'share.title': 'Share and embed',
  'share.intro': 'Everything below stays in the link itself: nothing is uploaded.',
  'share.link': 'Share link: this scenario with your edits, the commands you typed and the time shown',
  'share.iframe': 'Embed with an iframe (works on pages that allow no scripts)',
  'share.element': 'Embed with the <pod-sim> element (one script tag)',
  'share.copy': 'Copy',
  'share.copyLabel': 'Copy: {what}',
  'share.copied': 'Copied.',
  'share.copyManual': 'Selected: press Ctrl+C (⌘C) to copy.',
  'share.making': 'Making the link…',
  'share.close': 'Close',

  'embedPage.title': 'podsim — embedded simulator',
  'embedPage.badParams': 'This embedded simulator cannot start:',
  'embedPage.noScenario': 'no scenario given: add ?scenario=URL (a YAML file, or the name of a bundled scenario) or a #share= link',
  'embedPage.badStart': 'start={value}: not a time (write 30s, 2m or 1m30s)',
  'embedPage.badSpeed': 'speed={value}: not a speed (a number from 0.25 to 64)',
  'embedPage.badOrigin': 'origin={value}: not an origin (write https://example.com)',
  'embedPage.badControls': 'controls={value}: unknown part "{part}" (use canvas, header, panels, editor, console or all)',
  'embedPage.startBeyond': 'start={value} is after the end of the scenario ({duration})',
  'embedPage.loadFailed': 'The scenario did not load:',
};

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

registerMessages({ en, ja });
