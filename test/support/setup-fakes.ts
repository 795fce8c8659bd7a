// Fakes for <xs-setup-wizard> unit tests (edge states a real server can't easily produce).
import type { FinishOptions, NewKey, SetupAdapter, SetupSnapshot } from '../../src/sdk/setup.js';
import type { AuthDict } from '../../src/sdk/uia.js';
import type { SetupWizard, WizardStage } from '../../src/state/setup-wizard.js';

export const ENCODED = 'EsTa bcde fghi jkmn opqr stuv wxyz ABCD EFGH JKLM NPQR STUV';

export const snapshots: Record<string, SetupSnapshot> = {
  fresh: {
    identityOnServer: false, keysCachedLocally: false, sessionVerified: false, defaultKeyId: null, defaultKeyUsable: false,
    crossSigningStored: false, backupVersion: null, backupTrusted: false, backupKeyCached: false, backupKeyStored: false,
  },
  complete: {
    identityOnServer: true, keysCachedLocally: true, sessionVerified: true, defaultKeyId: 'k1', defaultKeyUsable: true,
    crossSigningStored: true, backupVersion: '1', backupTrusted: true, backupKeyCached: true, backupKeyStored: true,
  },
  incomplete: {
    identityOnServer: true, keysCachedLocally: true, sessionVerified: true, defaultKeyId: null, defaultKeyUsable: false,
    crossSigningStored: false, backupVersion: '2', backupTrusted: true, backupKeyCached: true, backupKeyStored: false,
  },
  keysMissing: {
    identityOnServer: true, keysCachedLocally: false, sessionVerified: false, defaultKeyId: 'k1', defaultKeyUsable: true,
    crossSigningStored: true, backupVersion: '1', backupTrusted: false, backupKeyCached: false, backupKeyStored: true,
  },
};

export type Auth = (make: (auth: AuthDict | null) => Promise<void>) => Promise<void>;

export interface FakeAdapter extends SetupAdapter {
  keys: NewKey[];
  finishCalls: { key: NewKey; opts: FinishOptions | undefined }[];
  resetCalls: number;
}

/** A fake adapter: `finish` decides what each finishSetup call does (default: succeed). */
export function fakeAdapter(
  snapshot: SetupSnapshot,
  { finish, reset, active = false }: { finish?: (auth: Auth, n: number) => Promise<void>; reset?: (auth: Auth) => Promise<void>; active?: boolean } = {},
): FakeAdapter {
  const a: FakeAdapter = {
    userId: '@alice:example.org',
    keys: [],
    finishCalls: [],
    resetCalls: 0,
    read: async () => snapshot,
    hasActiveVerifiedSession: async () => active,
    createKey: async (passphrase) => {
      const key: NewKey = { generated: { privateKey: new Uint8Array(32).fill(7), encodedPrivateKey: ENCODED }, fromPassphrase: passphrase !== undefined };
      a.keys.push(key);
      return key;
    },
    resetIdentity: async (auth) => {
      a.resetCalls++;
      if (reset) await reset(auth);
    },
    finishSetup: async (key, auth, opts) => {
      a.finishCalls.push({ key, opts });
      if (finish) await finish(auth, a.finishCalls.length);
      return { accepted: [] };
    },
    connectBackup: async () => {},
    restoreBackup: async () => ({ imported: 0, total: 0 }),
    fallbackUrl: (stage, session) => `https://hs.example/_matrix/client/v3/auth/${stage}/fallback/web?session=${session}`,
  };
  return a;
}

export function until(w: SetupWizard, kind: WizardStage['kind'], ms = 2000): Promise<WizardStage> {
  if (w.stage.kind === kind) return Promise.resolve(w.stage);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`stage ${kind} not reached (at ${w.stage.kind})`)), ms);
    const on = () => {
      if (w.stage.kind !== kind) return;
      clearTimeout(t);
      w.removeEventListener('change', on);
      resolve(w.stage);
    };
    w.addEventListener('change', on);
  });
}


/** Walks from "choose" to the commit with a generated key. */
export async function toCommit(w: SetupWizard): Promise<void> {
  await until(w, 'choose');
  w.choose('key');
  await until(w, 'show-key');
  w.markSaved('download');
  w.toConfirm();
  w.confirmKey(ENCODED.replace(/ /g, ''));
}
