// French (formal « vous », as most Matrix clients write it). Keys `<namespace>.<key>`, as registerTranslation takes them.
import type { Term } from '../../registry.js';
import { localeTerms } from '../namespaced.js';
import auth from './auth-prompt.js';
import errors from './errors.js';
import keyStorage from './key-storage.js';
import keyTransfer from './key-transfer.js';
import newPassphrase from './new-passphrase.js';
import roomTrust from './room-trust.js';
import sessionList from './session-list.js';
import setupWizard from './setup-wizard.js';
import setupWizardSteps from './setup-wizard-steps.js';
import statusDetails from './status-details.js';
import status from './status.js';
import verificationCancel from './verification-cancel.js';
import verificationRequests from './verification-requests.js';
import verifyLoginKey from './verify-login-key.js';
import verifyLogin from './verify-login.js';
import verifyUser from './verify-user.js';

const fr: Record<string, Term> = localeTerms({
  auth, errors, keyStorage, keyTransfer, newPassphrase, roomTrust, sessionList, setupWizard, setupWizardSteps, status,
  statusDetails, verificationCancel, verificationRequests, verifyLogin, verifyLoginKey, verifyUser,
});
export default fr;
