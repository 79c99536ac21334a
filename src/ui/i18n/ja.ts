/**
 * Every Japanese catalogue of the simulator's UI, registered on import. Fetched as one
 * chunk by lang-loading.ts when the UI switches to Japanese.
 */
import { registerMessages } from './i18n';
import { ja as announcer } from './messages-announcer.ja';
import { ja as app } from './messages-app.ja';
import { ja as checks } from './messages-checks.ja';
import { ja as consoleMessages } from './messages-console.ja';
import { ja as panels } from './messages-panels.ja';
import { ja as share } from './share-messages.ja';

for (const ja of [announcer, app, checks, consoleMessages, panels, share]) registerMessages({ en: {}, ja });
