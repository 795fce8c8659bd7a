// xs-kit: importing the package root registers no tags. Import `xs-kit/define/xs-<name>.js` for that.
export { matrixClientContext, provideMatrixClient, type MatrixClientProvision } from './context/index.js';
export { XsElement } from './internal/xs-element.js';
export { XsEvent, type XsEventType } from './events/xs-event.js';
export { XsErrorEvent } from './events/xs-error.js';
export { XsClientProvider } from './components/client-provider/client-provider.js';
export * from './i18n/index.js';
export { XsAuthPrompt } from './components/auth-prompt/auth-prompt.js';
export { UiaSession, UiaCancelledError, type UiaStage } from './state/uia.js';
export { describeFailure, type Failure, type FailureKind } from './sdk/errors.js';
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
export { sasEmojiStrings, sasEmojiName, SAS_EMOJI_DESCRIPTIONS } from './i18n/sas-emoji.strings.js';
