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

export const ja: Record<keyof typeof en, string> = {
  'checks.heading': '目標',
  'checks.progress': '{total} 個中 {done} 個達成',
  'checks.passed': '{time} に達成',
  'checks.pending': '未達成',
};

registerMessages({ en, ja });
