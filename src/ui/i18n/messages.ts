/**
 * The simulator's message catalogue, registered on import. One file per area:
 *   messages-app.ts        header, language switch, tabs, playback, canvas summary
 *   messages-console.ts    console, help, scenario picker, load problems
 *   messages-panels.ts     About/legend, Events, YAML editor, inspector, statecharts
 *   messages-announcer.ts  the screen-reader live region
 * Japanese lives beside each, in messages-*.ja.ts, fetched only when the UI is in Japanese
 * (lang-loading.ts): an English reader never downloads it.
 * To add a string: put the key in the area's `en` object; TypeScript then requires the
 * same key in its `ja` object (and no key there that `en` lacks). Use it as
 * `t('area.key', { param })` (components: `useI18n().t`), always with a literal key so
 * tests/ui/i18n-catalogue.test.ts can check it exists.
 */
import { registerMessages, type Catalogue } from './i18n';
import * as app from './messages-app';
import * as consoleMessages from './messages-console';
import * as panels from './messages-panels';
import * as announcer from './messages-announcer';

export const CATALOGUES: readonly Catalogue[] = [app, consoleMessages, panels, announcer].map(({ en }) => ({ en, ja: {} }));

for (const c of CATALOGUES) registerMessages(c);
