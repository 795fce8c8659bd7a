import { expect, waitUntil } from '@open-wc/testing';
import { fakeSessionsClient, matrixError } from '../../test/support/fake-sessions-client.js';
import { sessionsSource, type SessionRow } from '../sdk/sessions.js';
import { DAY_MS, SessionListModel, deriveView, summaryFilter, type SignedOutEvent } from './session-list.js';

const NOW = Date.UTC(2026, 0, 31, 12);
const row = (deviceId: string, p: Partial<SessionRow> = {}): SessionRow => ({
  deviceId, displayName: deviceId, lastSeenTs: NOW - 1000, lastSeenIp: '10.0.0.1', userAgent: null, trust: 'unverified', fingerprint: 'fp', isCurrent: false, ...p,
});
const settle = () => new Promise((r) => setTimeout(r, 0));
/** The flow after a confirmed sign-out loads its module first (session-sign-out.ts): wait until it asks for auth. */
const authAsked = (model: SessionListModel) => waitUntil(() => model.signOut.kind === 'auth', 'the sign-out flow asks for authentication');

function fourSessions() {
  return fakeSessionsClient({
    currentDeviceId: 'CUR',
    devices: [
      { deviceId: 'CUR', displayName: 'This one', lastSeenTs: NOW, verified: true },
      { deviceId: 'VER', displayName: 'Laptop', lastSeenTs: NOW - 3_600_000, verified: true },
      { deviceId: 'UNV', displayName: 'Phone', lastSeenTs: NOW - 60_000 },
      { deviceId: 'OLD', displayName: 'Old tablet', lastSeenTs: NOW - 200 * DAY_MS, noKeys: true },
    ],
  });
}

async function loaded(fake = fourSessions()) {
  const model = new SessionListModel(sessionsSource(fake.client), { now: () => NOW, refreshDelayMs: 0 });
  model.attach();
  await settle();
  await settle();
  expect(model.load.kind).to.equal('ready');
  return { fake, model };
}

describe('session list: deriveView', () => {
  it('pins this session apart, sorts others by activity (unknown last), counts each filter', () => {
    const rows = [
      row('CUR', { isCurrent: true }),
      row('A', { lastSeenTs: NOW - 5000, trust: 'verified' }),
      row('B', { lastSeenTs: null, trust: 'no-keys' }),
      row('C', { lastSeenTs: NOW - 100 * DAY_MS }),
      row('D', { lastSeenTs: NOW - 10 }),
    ];
    const v = deriveView(rows, 'all', '', NOW, 90 * DAY_MS);
    expect(v.current?.deviceId).to.equal('CUR');
    expect(v.visible.map((r) => r.deviceId)).to.deep.equal(['D', 'A', 'C', 'B']);
    expect(v.counts).to.deep.equal({ all: 4, verified: 1, unverified: 2, inactive: 1 });
    expect(deriveView(rows, 'unverified', '', NOW, 90 * DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['D', 'C']);
    expect(deriveView(rows, 'inactive', '', NOW, 90 * DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['C']);
    expect(deriveView(rows, 'inactive', '', NOW, 1000).visible.map((r) => r.deviceId)).to.deep.equal(['A', 'C']);
    expect(deriveView(rows, 'verified', '', NOW, 90 * DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['A']);
  });

  it('the text filter matches name, id and IP, case-insensitively, within the filter', () => {
    const rows = [row('AAA', { displayName: 'Work Laptop' }), row('BBB', { displayName: 'phone', lastSeenIp: '192.168.1.7' }), row('CCC', { trust: 'verified' })];
    expect(deriveView(rows, 'all', 'LAPTOP', NOW, DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['AAA']);
    expect(deriveView(rows, 'all', '168.1', NOW, DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['BBB']);
    expect(deriveView(rows, 'all', 'ccc', NOW, DAY_MS).visible.map((r) => r.deviceId)).to.deep.equal(['CCC']);
    expect(deriveView(rows, 'unverified', 'ccc', NOW, DAY_MS).visible).to.have.length(0);
  });

  it('the summary applies unverified first, then inactive, else nothing', () => {
    expect(summaryFilter({ all: 3, verified: 1, unverified: 1, inactive: 1 })).to.equal('unverified');
    expect(summaryFilter({ all: 3, verified: 3, unverified: 0, inactive: 1 })).to.equal('inactive');
    expect(summaryFilter({ all: 3, verified: 3, unverified: 0, inactive: 0 })).to.equal(undefined);
  });
});

describe('session list: model', () => {
  it('merges the device list with crypto info: no keys is not "unverified"; this session can vouch when cross-signed', async () => {
    const { model } = await loaded();
    const s = model.snapshot!;
    expect(s.canVouch).to.equal(true);
    const by = Object.fromEntries(s.sessions.map((r) => [r.deviceId, r.trust]));
    expect(by).to.deep.equal({ CUR: 'verified', VER: 'verified', UNV: 'unverified', OLD: 'no-keys' });
    expect(model.view.counts).to.deep.equal({ all: 3, verified: 1, unverified: 1, inactive: 1 });
    expect(s.sessions.find((r) => r.deviceId === 'UNV')!.fingerprint).to.equal('fp-UNV');
    expect(s.sessions.find((r) => r.deviceId === 'OLD')!.fingerprint).to.equal(undefined);
  });

  it('without crypto, trust is unknown and nothing can be vouched for', async () => {
    const fake = fakeSessionsClient({ currentDeviceId: 'CUR', crypto: false, devices: [{ deviceId: 'CUR' }, { deviceId: 'X' }] });
    const { model } = await loaded(fake);
    expect(model.snapshot!.cryptoAvailable).to.equal(false);
    expect(model.snapshot!.canVouch).to.equal(false);
    expect(model.snapshot!.sessions.every((r) => r.trust === 'unknown')).to.equal(true);
  });

  it('a failed first load is a failed stage; a failed reload keeps the list and reports it', async () => {
    const fake = fourSessions();
    fake.failNext.getDevices = matrixError(502, { error: 'bad gateway' });
    const model = new SessionListModel(sessionsSource(fake.client), { now: () => NOW, refreshDelayMs: 0 });
    model.attach();
    await settle();
    await settle();
    expect(model.load.kind).to.equal('failed');
    if (model.load.kind === 'failed') expect(model.load.failure.kind).to.equal('server');
    await model.reload();
    expect(model.load.kind).to.equal('ready');
    fake.failNext.getDevices = new TypeError('Failed to fetch');
    await model.reload();
    expect(model.load.kind).to.equal('ready');
    expect(model.refreshFailure?.kind).to.equal('network');
  });

  it('selection is keyed by device id, survives reloads and loses sessions that disappear', async () => {
    const { fake, model } = await loaded();
    model.toggle('UNV');
    model.toggle('OLD');
    model.toggle('CUR'); // this session is never part of a bulk selection
    model.toggle('NOPE');
    expect([...model.selection].sort()).to.deep.equal(['OLD', 'UNV']);
    model.setFilter('verified');
    await model.reload();
    expect([...model.selection].sort()).to.deep.equal(['OLD', 'UNV']);
    fake.devices = fake.devices.filter((d) => d.deviceId !== 'OLD');
    fake.emitDevicesUpdated();
    await settle();
    await settle();
    await settle();
    expect([...model.selection]).to.deep.equal(['UNV']);
    expect(model.view.others.map((r) => r.deviceId)).to.not.include('OLD');
  });

  it('follows device and trust events, and stops following on detach', async () => {
    const { fake, model } = await loaded();
    expect(fake.listenerCount()).to.equal(3);
    fake.devices.find((d) => d.deviceId === 'UNV')!.verified = true;
    fake.emitTrustChanged();
    await new Promise((r) => setTimeout(r, 10));
    expect(model.view.counts.verified).to.equal(2);
    model.detach();
    expect(fake.listenerCount()).to.equal(0);
  });

  it('rename: empty refused locally; the server’s refusal keeps the edit with its reason; success reports', async () => {
    const { fake, model } = await loaded();
    const renamed: string[] = [];
    model.addEventListener('renamed', (e) => renamed.push((e as unknown as { displayName: string }).displayName));
    model.startRename('VER');
    expect(model.rename).to.deep.include({ kind: 'editing', deviceId: 'VER', draft: 'Laptop' });
    expect(await model.saveRename('   ')).to.equal(false);
    expect(model.rename).to.deep.include({ kind: 'editing', draft: '   ' });
    expect(model.rename?.kind === 'editing' && model.rename.error?.kind).to.equal('empty');
    expect(fake.renameCalls).to.have.length(0);
    const long = 'x'.repeat(150);
    expect(await model.saveRename(long)).to.equal(false);
    const r = model.rename;
    expect(r?.kind === 'editing' && r.draft).to.equal(long);
    expect(r?.kind === 'editing' && r.error?.kind === 'refused' && r.error.failure.detail).to.equal('Device display name is too long (max 100)');
    expect(await model.saveRename('  Work laptop ')).to.equal(true);
    expect(model.rename).to.equal(undefined);
    expect(fake.renameCalls.at(-1)).to.deep.equal({ id: 'VER', name: 'Work laptop' });
    expect(renamed).to.deep.equal(['Work laptop']);
    expect(model.snapshot!.sessions.find((s) => s.deviceId === 'VER')!.displayName).to.equal('Work laptop');
  });

  it('bulk sign-out: confirm lists names and ids, wrong password retries in place, then the list shrinks', async () => {
    const { fake, model } = await loaded();
    const out: SignedOutEvent[] = [];
    model.addEventListener('signed-out', (e) => out.push(e as SignedOutEvent));
    model.toggle('UNV');
    model.toggle('OLD');
    model.requestSignOut('selected');
    expect(model.signOut.kind).to.equal('confirm');
    if (model.signOut.kind === 'confirm') {
      expect(model.signOut.targets).to.deep.equal([{ deviceId: 'UNV', displayName: 'Phone' }, { deviceId: 'OLD', displayName: 'Old tablet' }]);
    }
    const done = model.confirmSignOut();
    await authAsked(model);
    if (model.signOut.kind !== 'auth') throw new Error('no auth stage');
    const uia = model.signOut.uia;
    expect(uia.stage).to.deep.equal({ kind: 'password', wrongPassword: false });
    uia.submitPassword('wrong');
    await settle();
    expect(uia.stage).to.deep.equal({ kind: 'password', wrongPassword: true });
    uia.submitPassword(fake.password);
    await done;
    expect(model.signOut.kind).to.equal('done');
    expect(out.map((e) => [e.deviceIds, e.includesCurrent])).to.deep.equal([[['UNV', 'OLD'], false]]);
    expect(model.selection.size).to.equal(0);
    expect(model.view.others.map((r) => r.deviceId)).to.deep.equal(['VER']);
    expect(fake.deleteCalls.map((c) => c.ids)).to.deep.equal([['UNV', 'OLD'], ['UNV', 'OLD'], ['UNV', 'OLD']]);
    expect(JSON.stringify(model)).to.not.contain(fake.password);
  });

  it('cancelling authentication returns to the list; all-others targets every other session', async () => {
    const { fake, model } = await loaded();
    model.requestSignOut('all-others');
    if (model.signOut.kind !== 'confirm') throw new Error('no confirm');
    expect(model.signOut.targets.map((t) => t.deviceId)).to.deep.equal(['UNV', 'VER', 'OLD']);
    const done = model.confirmSignOut();
    await authAsked(model);
    model.cancelSignOut();
    await done;
    expect(model.signOut.kind).to.equal('idle');
    expect(fake.devices).to.have.length(4);
  });

  it('a server error while signing out refreshes the list and can be retried', async () => {
    const { fake, model } = await loaded();
    let loads = 0;
    const orig = fake.client.getDevices.bind(fake.client);
    (fake.client as unknown as { getDevices: () => unknown }).getDevices = () => (loads++, orig());
    model.requestSignOut('one', 'UNV');
    fake.failNext.deleteMultipleDevices = matrixError(500, { error: 'boom' });
    const done = model.confirmSignOut();
    await authAsked(model);
    await settle();
    await settle();
    if (model.signOut.kind !== 'auth') throw new Error('expected auth');
    const uia = model.signOut.uia;
    expect(uia.stage.kind).to.equal('failed');
    expect(loads).to.equal(1);
    uia.retry();
    await settle();
    expect(uia.stage.kind).to.equal('password');
    uia.submitPassword(fake.password);
    await done;
    expect(model.signOut.kind).to.equal('done');
    expect(fake.devices.map((d) => d.deviceId)).to.not.include('UNV');
  });

  it('signing out this session is its own action (logout), reported with includesCurrent', async () => {
    const { fake, model } = await loaded();
    const out: SignedOutEvent[] = [];
    model.addEventListener('signed-out', (e) => out.push(e as SignedOutEvent));
    model.requestSignOut('current');
    if (model.signOut.kind !== 'confirm') throw new Error('no confirm');
    expect(model.signOut.targets.map((t) => t.deviceId)).to.deep.equal(['CUR']);
    fake.failNext.logout = new TypeError('Failed to fetch');
    await model.confirmSignOut();
    expect(model.signOut.kind).to.equal('failed');
    await model.confirmSignOut();
    expect(model.signOut.kind).to.equal('done');
    expect(fake.loggedOut).to.equal(true);
    expect(out.map((e) => [e.deviceIds, e.includesCurrent])).to.deep.equal([[['CUR'], true]]);
  });

  it('a reload keeps the row objects of unchanged sessions (long lists re-render only what changed)', async () => {
    const { fake, model } = await loaded();
    const before = new Map(model.snapshot!.sessions.map((r) => [r.deviceId, r]));
    fake.devices.find((d) => d.deviceId === 'UNV')!.displayName = 'Renamed elsewhere';
    await model.reload();
    const after = new Map(model.snapshot!.sessions.map((r) => [r.deviceId, r]));
    expect(after.get('VER')).to.equal(before.get('VER'));
    expect(after.get('OLD')).to.equal(before.get('OLD'));
    expect(after.get('UNV')).to.not.equal(before.get('UNV'));
    expect(after.get('UNV')!.displayName).to.equal('Renamed elsewhere');
  });
});
