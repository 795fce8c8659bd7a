import { defineStrings, translate } from '../../i18n/registry.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { StepTerms } from '../../internal/verification-steps.js';
import type { StartFailure } from '../../state/verification-stage.js';

// <xs-verify-user>'s steps after the first render (the namespace of verify-user.strings.ts), loaded with them.
// The person's name and user id are shown apart from these sentences (as inert text), never interpolated.
export const verifyUserStepsStrings = defineStrings('verify-user', {
  requesting: 'Sending the request…',
  waitingHeading: 'Waiting for them to accept',
  waitingIntro: 'The request was sent in your direct chat. Ask them to accept it in their app.',
  noAnswer: 'No answer yet. They may be offline, or their app may not support verification requests. You can keep waiting, or cancel.',
  accepting: 'Accepting…',
  // Method steps (shared with <xs-verify-login>, worded for another person)
  chooseHeading: 'Choose how to verify',
  chooseIntro: 'Compare emoji on both screens, or use a QR code.',
  qrShowIntro: 'Ask them to scan this code:',
  qrAlt: 'QR code for the other person to scan',
  qrLoading: 'Drawing the QR code…',
  qrFailed: 'The QR code could not be drawn. Compare emoji instead.',
  compareEmoji: 'Compare emoji',
  scanTheirCode: 'Scan their code',
  scanHeading: 'Scan their code',
  scanIntro: 'Point your camera at the QR code on their screen, or choose a photo or screenshot of it.',
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
  notVerificationCode: 'That QR code is not a verification code. Scan the code shown in their app.',
  wrongCode: 'That code doesn’t belong to this verification, or its keys are not the ones expected. Make sure you scan the code of the person you are verifying, then try again.',
  cameraDenied: 'Camera access was not allowed. Choose a photo of the code instead, or allow the camera in your browser.',
  cameraMissing: 'No camera was found. Choose a photo of the code instead.',
  cameraInUse: 'The camera is in use by another app. Close it, or choose a photo of the code instead.',
  cameraUnsupported: 'This browser cannot use the camera here. Choose a photo of the code instead.',
  cameraFailed: 'The camera could not be started. Choose a photo of the code instead.',
  startingHeading: 'Verifying…',
  starting: 'Waiting for them…',
  compareHeading: 'Compare the emoji',
  compareIntro: 'Check that they see these emoji in the same order.',
  compareNumbersIntro: 'Check that they see these numbers in the same order (they choose “Compare numbers instead” too).',
  emojiListLabel: 'Emoji to compare',
  numbersListLabel: 'Numbers to compare',
  showNumbers: 'Compare numbers instead',
  showEmoji: 'Compare emoji instead',
  theyMatch: 'They match',
  theyDontMatch: 'They don’t match',
  confirmedHeading: 'Almost done',
  confirmed: 'Waiting for them to confirm…',
  reciprocateHeading: 'They scanned your code',
  reciprocateIntro: 'Does their app say that it scanned the code and the code is correct?',
  reciprocateYes: 'Yes, it says the code is correct',
  reciprocateNo: 'No',
  scannedHeading: 'Code scanned',
  scanned: 'The code is correct. They confirm in their app to finish.',
  checkingHeading: 'Checking…',
  checking: 'Both of you finished. Checking with your server that the verification was saved…',
  cancel: 'Cancel',
  // Outcomes
  doneHeading: 'Verified',
  done: 'You verified this person. Their messages now show as coming from them, and you will be warned if their identity changes.',
  doneIncoming: 'Verification finished. They have verified you.',
  unsignedHeading: 'Not verified',
  unsigned: 'Both of you finished comparing, but the signature that marks this person as verified was not saved on your server. They are not verified. Start again.',
  unsignedIncoming: 'Both of you finished comparing, but the signatures of this verification were not found on your server. Ask them to start again.',
  cancelledHeading: 'Verification cancelled',
  securityHeading: 'Verification failed — possible security problem',
  failedHeading: 'Verification couldn’t start',
  refusedHeading: 'This person can’t be verified safely',
  startAgain: 'Start again',
  otherReason: (text: string) => `Their app said: “${text}”`,
  noIdentity: 'Your account has no cross-signing identity yet, so you can’t verify others. Set up secure backup first.',
  cannotSign: 'This session isn’t verified yet, so it can’t vouch for anyone. Verify this session first, then verify this person.',
  noUserIdentity: 'This person hasn’t set up secure messaging (no cross-signing identity), so there is nothing to verify yet.',
  keyCollision: 'Their account has a session whose ID equals one of their security keys. A server can do this to slip in a key of its own, so this person can’t be verified safely. Don’t trust this account until they sort it out with their server.',
});

verifyUserStepsStrings satisfies { en: StepTerms };

type Key = keyof typeof verifyUserStepsStrings.en & string;

/** Why verifying the person could not start. */
export function explainUserStartFailure(lang: string, f: StartFailure): string {
  const t = (k: Key) => translate(lang, verifyUserStepsStrings, k as 'noIdentity');
  switch (f.kind) {
    case 'no-identity': return t('noIdentity');
    case 'no-user-identity': return t('noUserIdentity');
    case 'key-collision': return t('keyCollision');
    case 'no-other-session': return t('noIdentity');
    case 'cannot-sign': return t('cannotSign');
    default: return explainFailure(lang, f);
  }
}
