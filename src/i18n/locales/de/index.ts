// German (informal „du“, as most Matrix clients write it). Keys `<namespace>.<key>`, as registerTranslation takes them.
import type { Term } from '../../registry.js';
import { namespaced } from '../namespaced.js';
import auth from './auth-prompt.js';
import errors from './errors.js';
import keyStorage from './key-storage.js';
import keyTransfer from './key-transfer.js';
import newPassphrase from './new-passphrase.js';
import roomTrust from './room-trust.js';
import sessions from './session-list.js';
import setupWizard from './setup-wizard.js';
import status from './status.js';
import cancel from './verification-cancel.js';
import requests from './verification-requests.js';
import verifyLoginKey from './verify-login-key.js';
import verifyLogin from './verify-login.js';
import verifyUser from './verify-user.js';

const de: Record<string, Term> = namespaced({
  auth,
  error: errors,
  'key-storage': keyStorage,
  keyTransfer,
  newPassphrase,
  roomTrust,
  sessions,
  setupWizard,
  status,
  'verification-cancel': cancel,
  'verification-requests': requests,
  'verify-login': { ...verifyLogin, ...verifyLoginKey },
  'verify-user': verifyUser,
});
export default de;
