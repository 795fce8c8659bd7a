import { plural } from '../../i18n/plural.js';
import { defineStrings, translate } from '../../i18n/registry.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { StepTerms } from '../../internal/verification-steps.js';
import type { StartFailure } from '../../state/verification-stage.js';

// <xs-verify-login>'s steps after the first render (the namespace of verify-login.strings.ts), loaded with them.
export const verifyStepsStrings = defineStrings('verify-login', {
  waitingHeading: 'Waiting for your other session',
  waitingAnyIntro: 'Open one of your other verified sessions and accept the request there. (Sessions that are not verified yet do not get the request.)',
  waitingDeviceIntro: (deviceId: string) => `Accept the request on your session ${deviceId}.`,
  noAnswerDevice: 'No answer yet. That session may be offline, or its app may not support verification requests (some apps only verify when they start it themselves). You can keep waiting, or cancel.',
  noAnswerAny: 'No answer yet. Your other sessions may be offline, or their apps may not support verification requests. You can keep waiting, cancel, or use your Security Key or Phrase.',
  resetHeading: 'Reset your identity',
  resetUnhandled: 'If you have no other session and no Security Key or Phrase, the only way forward is to reset your cryptographic identity in this app’s security settings. Your contacts and other sessions will have to verify you again, and messages you can’t decrypt now stay unreadable.',
  accepting: 'Accepting…',
  chooseHeading: 'Choose how to verify',
  chooseIntro: 'Compare emoji on both screens, or use a QR code.',
  qrShowIntro: 'Scan this code with your other session:',
  qrAlt: 'QR code for your other session to scan',
  qrLoading: 'Drawing the QR code…',
  qrFailed: 'The QR code could not be drawn. Compare emoji instead.',
  compareEmoji: 'Compare emoji',
  scanTheirCode: 'Scan their code',
  scanHeading: 'Scan the other session’s code',
  scanIntro: 'Point your camera at the QR code on your other session, or choose a photo or screenshot of it.',
  useCamera: 'Use the camera',
  stopCamera: 'Stop the camera',
  cameraLabel: 'Camera preview',
  cameraStarting: 'Looking for a QR code…',
  chooseImage: 'Choose a photo of the code',
  dropImage: 'Or drop the picture here.',
  decoding: 'Reading the image…',
  back: 'Back',
  notAnImage: 'That file is not an image this browser can read. Choose a photo or screenshot of the code.',
  noCodeInImage: 'No QR code was found in that image. Try a sharper photo, or compare emoji instead.',
  notVerificationCode: 'That QR code is not a verification code. Scan the code shown in your other session.',
  wrongCode: 'That code doesn’t belong to this verification, or its keys are not the ones this session expects. Make sure you scan the code of the session you are verifying, then try again.',
  cameraDenied: 'Camera access was not allowed. Choose a photo of the code instead, or allow the camera in your browser.',
  cameraMissing: 'No camera was found. Choose a photo of the code instead.',
  cameraInUse: 'The camera is in use by another app. Close it, or choose a photo of the code instead.',
  cameraUnsupported: 'This browser cannot use the camera here. Choose a photo of the code instead.',
  cameraFailed: 'The camera could not be started. Choose a photo of the code instead.',
  startingHeading: 'Verifying…',
  starting: 'Waiting for your other session…',
  compareHeading: 'Compare the emoji',
  compareIntro: 'Check that these emoji appear in the same order on your other session.',
  emojiListLabel: 'Emoji to compare',
  numbersListLabel: 'Numbers to compare',
  compareNumbersIntro: 'Check that these numbers appear in the same order on your other session (choose “Compare numbers instead” there too).',
  showNumbers: 'Compare numbers instead',
  showEmoji: 'Compare emoji instead',
  checkingHeading: 'Checking…',
  checking: 'Both sessions finished. Checking with your server that the verification was saved…',
  unsignedHeading: 'Not verified',
  unsignedThisSession: 'Both sessions finished comparing, but your server doesn’t have the signature that would make this session trusted (saving it failed on the other session). This session is not verified. Use your Security Key or Phrase, or start again.',
  unsignedOther: 'Both sessions finished comparing, but the signature that makes the other session trusted was not saved on your server. It is not verified. Start again.',
  theyMatch: 'They match',
  theyDontMatch: 'They don’t match',
  confirmedHeading: 'Almost done',
  confirmed: 'Waiting for your other session to confirm…',
  reciprocateHeading: 'Your other session scanned the code',
  // The scanning side shows “Code scanned — The code is correct” (scannedHeading/scanned): ask about exactly that.
  reciprocateIntro: 'Does your other session say that it scanned the code and the code is correct?',
  reciprocateYes: 'Yes, it says the code is correct',
  reciprocateNo: 'No',
  scannedHeading: 'Code scanned',
  scanned: 'The code is correct. Confirm on your other session to finish.',
  doneHeading: 'Verified',
  doneThisSession: 'This session is verified. It can now read your encrypted messages, and your other sessions trust it.',
  doneOtherSession: (deviceId: string) => `Your session ${deviceId} is verified.`,
  doneOtherUnknown: 'Your other session is verified.',
  cancelledHeading: 'Verification cancelled',
  securityHeading: 'Verification failed — possible security problem',
  failedHeading: 'Verification couldn’t start',
  noIdentity: 'Your account has no cross-signing identity yet, so there is nothing to verify against. Set up secure backup first.',
  noOtherSession: 'None of your other sessions is verified, so there is no session to ask. Use your Security Key or Phrase instead.',
  startAgain: 'Start again',
  cancel: 'Cancel',
  useKeyInstead: 'Use your Security Key or Phrase instead',
  otherReason: (text: string) => `The other session said: “${text}”`,
  noUserIdentity: 'This person hasn’t set up secure messaging (no cross-signing identity), so there is nothing to verify yet.',
  keyCollision: 'This account has a session whose ID looks like one of its security keys. That can be a sign of a compromised server, so it can’t be verified safely.',
  // After this session is verified: the message history from the key backup (its retry button)
  tryAgain: 'Try again',
  restoreWaiting: 'Receiving your keys from your other session…',
  restoringFetch: 'Downloading your message history keys…',
  restoringCount: (done: string, total: string) => `Restoring your message history: ${done} of ${total} keys`,
  restoreProgressLabel: 'Message history restored',
  restored: (count: string, n: number) => plural(n, {
    one: `${count} key restored: your older messages can be read here.`,
    other: `${count} keys restored: your older messages can be read here.`,
  }),
  restoredAlready: (count: string, n: number) => plural(n, {
    one: `The ${count} key in your backup was already here: your older messages can be read here.`,
    other: `The ${count} keys in your backup were already here: your older messages can be read here.`,
  }),
  restoredNone: 'Your key backup is empty: there was no older history to restore.',
  restoreNoBackup: 'Your account has no key backup, so older messages can only be read once your other sessions share their keys.',
  restoreSecretsMissing: 'Your other session hasn’t sent the keys for your message history yet. Keep it open and try again, or use your Security Key.',
  restoreFailed: 'Your message history could not be restored from the key backup. Try again.',
});

// The method steps are rendered by the shared VerificationSteps controller from these strings.
verifyStepsStrings satisfies { en: StepTerms };

/** Why a verification could not start, in the element's words. */
export function explainStartFailure(lang: string, f: StartFailure): string {
  const t = (k: keyof typeof verifyStepsStrings.en & string) => translate(lang, verifyStepsStrings, k as 'noIdentity');
  switch (f.kind) {
    case 'no-identity': return t('noIdentity');
    case 'no-other-session': return t('noOtherSession');
    case 'no-user-identity': return t('noUserIdentity');
    case 'key-collision': return t('keyCollision');
    case 'cannot-sign': return t('noIdentity');
    default: return explainFailure(lang, f);
  }
}
