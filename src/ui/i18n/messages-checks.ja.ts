/** The Japanese of ./messages-checks.ts: fetched only when the UI is in Japanese (lang-loading.ts). */
import type { en } from './messages-checks';

export const ja: Record<keyof typeof en, string> = {
  'checks.heading': '目標',
  'checks.progress': '{total} 個中 {done} 個達成',
  'checks.passed': '{time} に達成',
  'checks.pending': '未達成',
};
