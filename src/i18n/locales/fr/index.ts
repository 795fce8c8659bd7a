// French (formal « vous », as most Matrix clients write it). Keys `<namespace>.<key>`, as registerTranslation takes them.
import type { Term } from '../../registry.js';
import { localeTerms } from '../namespaced.js';
import auth from './auth-prompt.js';
import errors from './errors.js';
import keyStorageSteps from './key-storage-steps.js';
import keyStorage from './key-storage.js';
import keyTransferSteps from './key-transfer-steps.js';
import keyTransfer from './key-transfer.js';
import newPassphraseStrength from './new-passphrase-strength.js';
import newPassphrase from './new-passphrase.js';
import roomTrustMore from './room-trust-more.js';
import roomTrust from './room-trust.js';
import sessionActions from './session-actions.js';
import sessionList from './session-list.js';
import setupWizard from './setup-wizard.js';
import setupWizardSteps from './setup-wizard-steps.js';
import statusDetails from './status-details.js';
import status from './status.js';
import verificationCancel from './verification-cancel.js';
import verificationRequests from './verification-requests.js';
import verificationRequestsRows from './verification-requests-rows.js';
import verifyLoginKey from './verify-login-key.js';
import verifyLoginSteps from './verify-login-steps.js';
import verifyLogin from './verify-login.js';
import verifyUserSteps from './verify-user-steps.js';
import verifyUser from './verify-user.js';

const fr: Record<string, Term> = localeTerms({
  auth, errors, keyStorage, keyStorageSteps, keyTransfer, keyTransferSteps, newPassphrase, newPassphraseStrength,
  roomTrust, roomTrustMore, sessionActions, sessionList, setupWizard, setupWizardSteps, status, statusDetails, verificationCancel,
  verificationRequests, verificationRequestsRows, verifyLogin, verifyLoginKey, verifyLoginSteps, verifyUser, verifyUserSteps,
});
export default fr;
