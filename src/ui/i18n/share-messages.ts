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

// Japanese: ./share-messages.ja.ts, fetched when the UI switches to it (lang-loading.ts)
registerMessages({ en, ja: {} });
