// xs-kit: importing the package root registers no tags. Import `xs-kit/define/xs-<name>.js` for that.
export { matrixClientContext, provideMatrixClient, type MatrixClientProvision } from './context/index.js';
export { XsElement } from './internal/xs-element.js';
export { XsEvent, type XsEventType } from './events/xs-event.js';
export { XsErrorEvent } from './events/xs-error.js';
export { XsClientProvider } from './components/client-provider/client-provider.js';
export * from './i18n/index.js';
export { XsAuthPrompt } from './components/auth-prompt/auth-prompt.js';
export { UiaSession, UiaCancelledError, type UiaStage } from './state/uia.js';
export { describeFailure, MAX_RETRY_AFTER_MS, maxRetryAfterMs, setMaxRetryAfterMs, type Failure, type FailureKind } from './sdk/errors.js';
export { guardUiaRequests } from './sdk/uia-guard.js';
export { checkServerUrl, type UrlCheck, type UrlRefusal } from './internal/safe-url.js';
export {
  createSecretStorageCallbacks,
  withSecretStorageKey,
  hasSecretStorageCallbacks,
  SecretStorageCallbacksMissingError,
  type SecretStorageCallbacks,
  type SecretStorageKeyFallback,
} from './sdk/secret-storage-keys.js';
export { XsNewPassphrase } from './components/new-passphrase/new-passphrase.js';
export { XsPassphraseValidityEvent } from './events/xs-passphrase-validity.js';
export { estimatePassphrase, type PassphraseEstimate, type PassphraseScore } from './internal/passphrase-strength.js';
export { XsRequestVerifyEvent, type RequestVerifyInit, type VerifyReason, type VerifyTarget } from './events/xs-request-verify.js';
export { XsSessionList } from './components/session-list/session-list.js';
export { XsSessionsSignedOutEvent } from './events/xs-sessions-signed-out.js';
export { XsSessionRenamedEvent } from './events/xs-session-renamed.js';
export { SessionListModel, deriveView, type SessionFilter, type SessionView, type SignOutStage } from './state/session-list.js';
export { sessionsSource, type SessionRow, type SessionsSnapshot, type SessionsSource, type SessionTrust } from './sdk/sessions.js';
export { XsVerifyLogin } from './components/verify-login/verify-login.js';
export { XsVerifiedEvent } from './events/xs-verified.js';
export { XsVerificationCancelledEvent } from './events/xs-verification-cancelled.js';
export { onVerificationRequest } from './sdk/verification.js';
export { XsVerifyUser } from './components/verify-user/verify-user.js';
export { XsVerificationRequests } from './components/verification-requests/verification-requests.js';
export {
  requestUserVerification,
  findEncryptedDm,
  createEncryptedDm,
  NoUserIdentityError,
  KeyCollisionError,
  CannotSignError,
} from './sdk/user-verification.js';
export { VerificationFlow, type VerificationStage, type VerifyRole } from './state/verification.js';
export { CODE_SESSION_SIGNED_OUT, SECURITY_CODES } from './state/verification-stage.js';
export { sasEmojiStrings, sasEmojiName, SAS_EMOJI_DESCRIPTIONS, sasLanguageOf, loadSasNames } from './i18n/sas-emoji.strings.js';
export { XsStatus } from './components/status/status.js';
export { XsStatusChangeEvent } from './events/xs-status-change.js';
export { XsRequestSetupEvent, type SetupReason } from './events/xs-request-setup.js';
export { XsRequestBackupEvent, type BackupRequestReason } from './events/xs-request-backup.js';
export { XsRequestResetEvent, type ResetReason } from './events/xs-request-reset.js';
export { XsIdentityAcceptedEvent } from './events/xs-identity-accepted.js';
export { type OverallState, type UserTrustState, type StatusDetails, type WarningCode, type MissingPart } from './state/status.js';
export { type OwnStatusSnapshot, type UserTrustSnapshot, type DeviceIsolation } from './sdk/status.js';
export { XsSetupWizard } from './components/setup-wizard/setup-wizard.js';
export { SetupWizard, type WizardMode, type WizardStage, type KeyMethod } from './state/setup-wizard.js';
export { createSetupAdapter, type SetupAdapter, type SetupSnapshot, type SetupSituation, type SetupGap } from './sdk/setup.js';
export { XsSetupCompleteEvent, type SetupMode } from './events/xs-setup-complete.js';
export { XsSetupClosedEvent } from './events/xs-setup-closed.js';
export { accountModel, type AccountModel, type AccountState } from './sdk/account.js';
export { XsSetupDismissedEvent } from './events/xs-setup-dismissed.js';
export { XsRequestExportEvent } from './events/xs-request-export.js';
export { XsRequestSessionsEvent } from './events/xs-request-sessions.js';
export * from './keyfile/index.js';
export { XsKeyTransfer } from './components/key-transfer/key-transfer.js';
export { XsKeysExportedEvent } from './events/xs-keys-exported.js';
export { XsKeysImportedEvent } from './events/xs-keys-imported.js';
export { KeyExportFlow, exportFileName, type ExportStage, type ExportDeps } from './state/key-export.js';
export { KeyImportFlow, type ImportStage, type ImportProblem, type ImportDeps, type ChosenFile } from './state/key-import.js';
export { exportRoomKeys, importRoomKeys, countSessions, CryptoUnavailableError, NotAKeyListError, type ImportReport } from './sdk/room-keys.js';
export { XsRoomTrust } from './components/room-trust/room-trust.js';
export { RoomTrustModel, roomTrustModel, ROOM_TRUST_BATCH, ROOM_TRUST_READ_TIMEOUT_MS, type RoomTrustModelOptions } from './state/room-trust-model.js';
export {
  memoryAcknowledgementStore,
  type AcknowledgementStore,
  type MemberEntry,
  type MemberTrust,
  type RoomBadge,
  type RoomTrustStage,
  type RoomTrustView,
} from './state/room-trust.js';
export { roomTrustSource, type RoomTrustSource, type MemberRead, type RoomMemberInfo, type UnsignedSession } from './sdk/room-trust.js';
export { applyDeviceIsolation } from './sdk/status.js';
export { deviceIsolationOf, onDeviceIsolationChanged } from './sdk/device-isolation.js';
export { XsKeyStorage } from './components/key-storage/key-storage.js';
export { XsKeyStorageChangeEvent } from './events/xs-key-storage-change.js';
export { XsRequestKeyStorageEvent, type KeyStorageRequest } from './events/xs-request-key-storage.js';
// The key storage logic loads with the element (src/components/key-storage/key-storage.view.ts): types only here.
export type { BackupState, BackupView } from './state/key-storage.js';
export type { KeyStorageStage } from './state/key-storage-flow.js';
export type { KeyCheckResult } from './sdk/key-storage.js';
