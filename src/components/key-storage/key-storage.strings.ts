import { defineStrings } from '../../i18n/registry.js';

export const keyStorageStrings = defineStrings('key-storage', {
  heading: 'Key storage',
  checkHeading: 'Check your Security Key',
  noClient: 'No Matrix account is connected to this view yet.',
  // Where it stands (live)
  'state.checking': 'Checking your key storage…',
  'state.unknown': 'Whether your keys are stored could not be checked right now. Nothing can be changed until the server answers.',
  'state.not-set-up': 'Key storage needs encryption to be set up first (your identity and a Security Key).',
  'state.on': 'Key storage is on: the keys to your messages are backed up on the server, encrypted with your Security Key, so you can read your history in new sessions.',
  'state.off': 'Key storage is off: your message keys are not backed up. If you lose all your sessions, you lose your encrypted history.',
  'state.unusable': 'There is a key backup on the server, but this session can’t use it. Verify this session, or set up encryption again.',
  turnedOffElsewhere: 'You chose to turn key storage off, so your apps won’t ask you to back up.',
  dehydratedOn: 'Your offline device is on: it receives the keys to new messages while all your sessions are closed.',
  // Actions (the steps' terms: key-storage.steps.strings.ts)
  turnOff: 'Turn off key storage',
  turnOn: 'Turn on key storage',
  restore: 'Restore history from backup',
  checkKey: 'Check my Security Key',
});
