import type { TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import type { SetupGap } from '../../sdk/setup.js';
import { setupStrings as S } from './setup-wizard.strings.js';

/** What the step renderers in the other setup-wizard files use of the element. */
export interface StepView {
  localize: LocalizeController;
  t(key: keyof typeof S.en, ...args: string[]): string;
  heading(key: keyof typeof S.en, hidden?: boolean): TemplateResult;
  button(label: string, onClick: () => void, cls?: string, disabled?: boolean): TemplateResult;
  num(n: number): string;
  submitForm(e: SubmitEvent, fn: (form: HTMLFormElement) => void): void;
  submitBackupKey(form: HTMLFormElement): void;
  requestVerify(): void;
  requestExport(): void;
  submitResetConfirm(form: HTMLFormElement): void;
  exportHint: boolean;
  requestSessions(): void;
  closeDone(): void;
  /** A rate-limited failure may be retried from then on (ms epoch; 0 = now). */
  retryAt: number;
  verifyHint: boolean;
  sessionsHint: boolean;
}

export const GAP_KEYS: Record<SetupGap, keyof typeof S.en> = {
  'cross-signing-keys': 'gapKeys',
  'secret-storage': 'gapStorage',
  'cross-signing-stored': 'gapStored',
  backup: 'gapBackup',
  'backup-key-stored': 'gapBackupStored',
  'dehydrated-device': 'gapDehydrated',
};
