/**
 * Words of the scenario's goals list (src/ui/ChecksList.tsx), registered on import.
 */
import { registerMessages } from './i18n';

export const en = {
  'checks.heading': 'Goals',
  'checks.progress': '{done} of {total} reached',
  'checks.passed': 'reached at {time}',
  'checks.pending': 'not yet',
};

// Japanese: ./messages-checks.ja.ts, fetched when the UI switches to it (lang-loading.ts)
registerMessages({ en, ja: {} });
