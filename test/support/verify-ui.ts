// Driving the verification elements (<xs-verify-login>, <xs-verify-user>, <xs-verification-requests>) through
// their own UI in e2e tests: headings, keyboard-only presses, emoji read from the rendered list, and the
// account set-ups the flows start from.
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MatrixEvent, type MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { RustBackupManager } from 'matrix-js-sdk/lib/rust-crypto/backup.js';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsVerificationCancelledEvent } from '../../src/events/xs-verification-cancelled.js';
import type { XsVerifiedEvent } from '../../src/events/xs-verified.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, keyHolder, passwordAuth, waitForOwnDevice, type ClientOptions } from './clients.js';
import { registerUser, userWithDevices, type Session } from './homeserver.js';
import { waitFor } from './wait.js';

/** Any kit element with a shadow root. */
export type Shadowed = HTMLElement & { shadowRoot: ShadowRoot | null; updateComplete?: Promise<unknown> };

export function root(el: Shadowed): ShadowRoot {
  return el.shadowRoot!;
}

export function headingText(el: Shadowed): string {
  return root(el).querySelector('h2')?.textContent?.trim() ?? '';
}

export async function stageIs(el: Shadowed, heading: string, timeoutMs = 30_000) {
  await waitFor(`"${heading}" on ${el.id || el.tagName} (now "${headingText(el)}")`, () => headingText(el) === heading, { timeoutMs });
  await el.updateComplete;
}

/** Every stage heading an element rendered, in order, recorded from the moment `stageLog` is called. */
export interface StageLog {
  /** The headings seen so far (consecutive repeats once). */
  readonly seen: string[];
  /** Resolves once `heading` has been rendered at any time since the log started (it may be gone again by then). */
  reached(heading: string, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/**
 * Records the headings `el` renders (a MutationObserver on its shadow root, so a stage shown for a moment is not
 * missed by a poll), to assert that a transient stage was passed through rather than waiting to catch it on screen.
 */
export function stageLog(el: Shadowed): StageLog {
  const seen: string[] = [];
  const waiters = new Set<() => void>();
  const record = () => {
    const h = headingText(el);
    if (h && seen[seen.length - 1] !== h) {
      seen.push(h);
      for (const w of [...waiters]) w();
    }
  };
  const obs = new MutationObserver(record);
  obs.observe(root(el), { subtree: true, childList: true, characterData: true });
  record();
  return {
    seen,
    reached(heading, timeoutMs = 30_000) {
      if (seen.includes(heading)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const w = () => {
          if (!seen.includes(heading)) return;
          waiters.delete(w);
          clearTimeout(t);
          resolve();
        };
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for "${heading}" on ${el.id || el.tagName} (seen: ${seen.join(' → ')})`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    stop: () => obs.disconnect(),
  };
}

/** Keyboard only: from the focused stage heading, Tab to the button labelled `label` and press Enter. */
export async function press(el: Shadowed, label: string) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (root(el).activeElement !== heading) heading?.focus();
  for (let i = 0; i < 14; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement as HTMLElement | null;
    if (active?.tagName === 'BUTTON' && active.textContent?.trim() === label) {
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no button "${label}" reachable by Tab in "${headingText(el)}"`);
}

/** Keyboard only: Tab from the heading to the text field, type `text`, press Enter. */
export async function typeAndSubmit(el: Shadowed, text: string) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (root(el).activeElement !== heading) heading?.focus();
  for (let i = 0; i < 6; i++) {
    await sendKeys({ press: 'Tab' });
    if ((root(el).activeElement as HTMLElement | null)?.tagName === 'INPUT') {
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no text field reachable by Tab in "${headingText(el)}"`);
}

/** Clicks the button labelled `label` (for benchmarks and fault runs, where the keyboard path is not the point). */
export function click(el: Shadowed, label: string) {
  const b = [...root(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no "${label}" button in "${headingText(el)}"`);
  b.click();
}

/** The history-restore part of a "Verified" step, as one line of text. */
export function restoreText(el: Shadowed): string {
  return (root(el).querySelector('[part=restore]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function alertText(el: Shadowed): string {
  return root(el).querySelector('[role=alert]')?.textContent?.trim() ?? '';
}

export function statusText(el: Shadowed): string {
  return [...root(el).querySelectorAll('[role=status]')].map((e) => e.textContent?.trim()).join(' ');
}

export function emojiNames(el: Shadowed): string[] {
  return [...root(el).querySelectorAll('[part=emoji] [role=img]')].map((e) => e.getAttribute('aria-label') ?? '');
}

export function buttonLabels(el: Shadowed): string[] {
  return [...root(el).querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
}

/** Mounts an element answering the next request `client` receives. */
export function answerNextRequest(client: MatrixClient, opts: { confirmTimeout?: number } = {}): Promise<{ el: XsVerifyLogin; request: VerificationRequest }> {
  return new Promise((resolve, reject) => {
    const off = onVerificationRequest(client, (request) => {
      off();
      fixture<XsVerifyLogin>(
        html`<xs-verify-login id="answer" .client=${client} .request=${request} confirm-timeout=${opts.confirmTimeout ?? 20_000}></xs-verify-login>`,
      ).then((el) => resolve({ el, request }), reject);
    });
  });
}

export function events(el: HTMLElement) {
  const verified: XsVerifiedEvent[] = [];
  const cancelled: XsVerificationCancelledEvent[] = [];
  el.addEventListener('xs-verified', (e) => verified.push(e));
  el.addEventListener('xs-verification-cancelled', (e) => cancelled.push(e));
  return { verified, cancelled };
}

export async function crossSigned(client: MatrixClient, deviceId: string) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified;
}

export interface Pair {
  a: Session;
  b: Session;
  /** The existing, cross-signed session. */
  clientA: MatrixClient;
  /** The new session to verify (its client has the kit's secret-storage callbacks). */
  clientB: MatrixClient;
  recoveryKey: string;
  /** The raw secret-storage key and its id (to cross-sign more sessions in a test's setup). */
  secretStorageKey: { keyId: string; key: Uint8Array<ArrayBuffer> };
  others: Session[];
}

export interface PairOptions {
  passphrase?: string;
  /** More sessions of the same user, logged in but without clients. */
  extra?: number;
  prefix?: string;
  /** Client options of session A / B (e.g. `wrapFetch` to inject faults). */
  a?: ClientOptions;
  b?: ClientOptions;
}

/** A user whose session A has cross-signing, secret storage (optionally from a phrase) and a key backup; session B is new. */
export async function setUpPair(opts: PairOptions = {}): Promise<Pair> {
  const [a, b, ...others] = await userWithDevices(2 + (opts.extra ?? 0), opts.prefix ?? 'verify');
  const holderA = keyHolder();
  const clientA = await createTestClient(a, { cryptoCallbacks: holderA.callbacks, ...opts.a });
  const clientB = await createTestClient(b, { cryptoCallbacks: createSecretStorageCallbacks(), ...opts.b });
  const cryptoA = clientA.getCrypto()!;
  await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
  const key = await cryptoA.createRecoveryKeyFromPassphrase(opts.passphrase);
  await cryptoA.bootstrapSecretStorage({ createSecretStorageKey: async () => key, setupNewSecretStorage: true, setupNewKeyBackup: true });
  await waitFor('B sees the identity', () => clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true));
  await waitForOwnDevice(clientA, b.deviceId);
  await waitForOwnDevice(clientB, a.deviceId);
  const keyId = (await clientA.secretStorage.getDefaultKeyId())!;
  return { a: a, b: b, clientA, clientB, recoveryKey: key.encodedPrivateKey!, secretStorageKey: { keyId, key: key.privateKey }, others };
}

/** Wraps fetch so that requests matching `match` fail with a 500 while `active()` holds. */
export function failing(match: (url: string, init?: RequestInit) => boolean, active: () => boolean = () => true) {
  const hits: string[] = [];
  const wrap = (inner: typeof fetch): typeof fetch => async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (match(url, init) && active()) {
      hits.push(url);
      return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'injected failure' }), { status: 500, headers: { 'content-type': 'application/json' } });
    }
    return inner(input, init);
  };
  return { wrap, hits };
}

/** How many room keys the server's key backup holds (as `client` sees its active backup). */
export async function backedUpKeys(client: MatrixClient): Promise<number> {
  const version = await client.getCrypto()!.getActiveSessionBackupVersion();
  if (!version) return 0;
  const r = await client.http.authedRequest<{ rooms?: Record<string, { sessions?: object }> }>('GET' as never, '/room_keys/keys', { version });
  return Object.values(r.rooms ?? {}).reduce((n, room) => n + Object.keys(room.sessions ?? {}).length, 0);
}

export interface AccountWithHistory {
  a: Session;
  /** The first session: cross-signing, secret storage and a key backup, and one encrypted message sent. */
  clientA: MatrixClient;
  recoveryKey: string;
  roomId: string;
  /** The message sent before any other session existed, its room key in the backup. */
  eventId: string;
  body: string;
}

/** A user whose first session set up encryption and a key backup and sent an encrypted message (backed up). */
export async function accountWithHistory(prefix: string, opts: ClientOptions = {}): Promise<AccountWithHistory> {
  // The SDK starts each backup upload after a random delay of up to 10 s (to spread many clients' uploads); its
  // documentation says tests may shorten it. Set before the backup exists, so no loop is already asleep on the long one.
  (RustBackupManager as unknown as { maxBackupLoopStartDelayMillis: number }).maxBackupLoopStartDelayMillis = 100;
  const a = await registerUser(prefix);
  const clientA = await createTestClient(a, { cryptoCallbacks: keyHolder().callbacks, ...opts });
  const cryptoA = clientA.getCrypto()!;
  await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
  const key = await cryptoA.createRecoveryKeyFromPassphrase();
  await cryptoA.bootstrapSecretStorage({ createSecretStorageKey: async () => key, setupNewSecretStorage: true, setupNewKeyBackup: true });
  const { room_id: roomId } = await clientA.createRoom({
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await waitFor('A has the encrypted room', async () => clientA.getRoom(roomId) && (await cryptoA.isEncryptionEnabledInRoom(roomId)));
  const body = `sent before the other sessions existed ${crypto.randomUUID()}`;
  const { event_id: eventId } = await clientA.sendTextMessage(roomId, body);
  await waitFor('the room key is in the backup', async () => (await backedUpKeys(clientA)) >= 1, { timeoutMs: 30_000, intervalMs: 100 });
  return { a, clientA, recoveryKey: key.encodedPrivateKey!, roomId, eventId, body };
}

/** The old message as `client` reads it now: its text, or undefined while it can't be decrypted. */
export async function readOld(client: MatrixClient, h: Pick<AccountWithHistory, 'roomId' | 'eventId'>): Promise<string | undefined> {
  const raw = await client.fetchRoomEvent(h.roomId, h.eventId);
  const ev = new MatrixEvent(raw);
  await client.decryptEventIfNeeded(ev);
  return ev.isDecryptionFailure() ? undefined : (ev.getContent().body as string | undefined);
}
