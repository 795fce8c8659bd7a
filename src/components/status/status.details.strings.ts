import { defineStrings } from '../../i18n/registry.js';

/**
 * The status's terms that load with its details (status.details.ts): the facts behind the state, what the person
 * reads after pressing a button. Same namespace as status.strings.ts (`status.<key>`).
 */
export const statusDetailsStrings = defineStrings('status', {
  // The details
  // When the host doesn't handle a request
  'unhandled.setup': 'This app can’t set up encryption from here. Open your Matrix app’s security settings to do it.',
  'unhandled.verify': 'This app can’t verify from here. Open another signed-in session, or your Matrix app’s security settings, to verify this session.',
  'unhandled.backup': 'This app can’t set up key backup from here. Open your Matrix app’s security settings to do it.',
  'unhandled.reset': 'This app can’t reset your identity from here. Open your Matrix app’s security settings to do it.',
  'unhandled.key-storage': 'Key storage can’t be opened here.',
  'unhandled.verify-user': 'This app can’t start a verification from here. Use your Matrix app to verify this person.',
  'details.crossSigning': 'Cross-signing',
  'details.published': 'Public keys published',
  'details.trusted': 'Public keys trusted by this session',
  'details.masterKey': 'Master key',
  'details.cachedMaster': 'Master private key in this session',
  'details.cachedSelfSigning': 'Self-signing private key in this session',
  'details.cachedUserSigning': 'User-signing private key in this session',
  'details.inSecretStorage': 'Cross-signing keys in secret storage',
  'details.secretStorage': 'Secret storage',
  'details.ssReady': 'Secret storage ready',
  'details.defaultKey': 'Default key id',
  'details.dehydrated': 'Offline device',
  'details.backup': 'Key backup',
  'details.noBackup': 'No key backup on the homeserver.',
  'details.backupUnknown': 'Unknown (the backup could not be checked).',
  'details.version': 'Version',
  'details.algorithm': 'Algorithm',
  'details.backupTrusted': 'Trusted',
  'details.active': 'This session uploads to it',
  'details.keyCached': 'Decryption key in this session',
  'details.backupKeyStored': 'Decryption key in secret storage',
  'details.waiting': 'Keys waiting to upload',
  'details.session': 'This session',
  'details.deviceId': 'Session id',
  'details.fingerprint': 'Session key (ed25519)',
  'details.sessionVerified': 'Verified by cross-signing',
  'details.isolation': 'Never send encryption keys to unverified sessions',
  'details.isolationHint': 'Messages you send here will only be readable by other people’s sessions they have verified.',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  unknown: 'Unknown',
  // Another user: after an action
  'user.working': 'Saving…',
  'user.failed': 'That did not work.',
  'user.accepted': 'Change acknowledged.',
  // After a verification (a later state): the keys arriving, or not all of them in time
  'headline.receiving-keys': 'Receiving your keys…',
  'explain.receiving-keys': 'This session is verified. Your other session is sending it your keys; this takes a moment.',
  'explain.keys-missing.timed-out': (what: string) => `This session is verified, but your other session did not send all your keys (missing: ${what}). Keep it open and verify again, or use your Security Key or Phrase.`,
  'missing.private-keys': 'your cross-signing keys',
  'missing.backup-key': 'your key backup key',
});
