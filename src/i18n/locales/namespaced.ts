import type { Term } from '../registry.js';

type Terms = Record<string, Term>;

/** `{ ns: { key: term } }` → `{ 'ns.key': term }`, the form registerTranslation takes. */
export function namespaced(byNamespace: Record<string, Terms>): Record<string, Term> {
  const out: Record<string, Term> = {};
  for (const [ns, terms] of Object.entries(byNamespace)) for (const [k, v] of Object.entries(terms)) out[`${ns}.${k}`] = v;
  return out;
}

/** One shipped language's files, one per English `*.strings.ts` (each type-checked against its source there). */
export interface LocaleFiles {
  auth: Terms;
  errors: Terms;
  keyStorage: Terms;
  keyStorageSteps: Terms;
  keyTransfer: Terms;
  keyTransferSteps: Terms;
  newPassphrase: Terms;
  newPassphraseStrength: Terms;
  roomTrust: Terms;
  roomTrustMore: Terms;
  sessionActions: Terms;
  sessionList: Terms;
  setupWizard: Terms;
  setupWizardSteps: Terms;
  status: Terms;
  statusDetails: Terms;
  verificationCancel: Terms;
  verificationRequests: Terms;
  verificationRequestsRows: Terms;
  verifyLogin: Terms;
  verifyLoginKey: Terms;
  verifyLoginSteps: Terms;
  verifyUser: Terms;
  verifyUserSteps: Terms;
}

/**
 * A shipped language's `<namespace>.<key>` terms from its files: the one place that knows which namespace each
 * file fills (the namespaces the English `defineStrings` calls declare), for every language alike.
 */
export function localeTerms(f: LocaleFiles): Record<string, Term> {
  return namespaced({
    auth: f.auth,
    error: f.errors,
    'key-storage': { ...f.keyStorage, ...f.keyStorageSteps },
    keyTransfer: { ...f.keyTransfer, ...f.keyTransferSteps },
    newPassphrase: { ...f.newPassphrase, ...f.newPassphraseStrength },
    roomTrust: { ...f.roomTrust, ...f.roomTrustMore },
    sessions: { ...f.sessionList, ...f.sessionActions },
    setupWizard: { ...f.setupWizard, ...f.setupWizardSteps },
    status: { ...f.status, ...f.statusDetails },
    'verification-cancel': f.verificationCancel,
    'verification-requests': { ...f.verificationRequests, ...f.verificationRequestsRows },
    'verify-login': { ...f.verifyLogin, ...f.verifyLoginSteps, ...f.verifyLoginKey },
    'verify-user': { ...f.verifyUser, ...f.verifyUserSteps },
  });
}
