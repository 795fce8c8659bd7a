import { expect } from '@open-wc/testing';
import type { RoomTrustSource } from '../sdk/room-trust.js';
import { fakeRoomTrustSource as fakeSource, memberRead as read, ME } from '../../test/support/fake-room-trust.js';
import { RoomTrustModel } from './room-trust-model.js';
import { deriveView, identityAckKey, memoryAcknowledgementStore, sessionAckKey, type AcknowledgementStore } from './room-trust.js';

const immediate = (cb: () => void) => queueMicrotask(cb);

async function settle(model: RoomTrustModel) {
  for (let i = 0; i < 200 && model.stage.kind !== 'ready' && model.stage.kind !== 'error' && model.stage.kind !== 'no-room' && model.stage.kind !== 'not-encrypted'; i++) {
    await new Promise((r) => setTimeout(r, 0));
  }
  await new Promise((r) => setTimeout(r, 0));
}

function model(source: RoomTrustSource, store: AcknowledgementStore = memoryAcknowledgementStore(), batchSize = 50) {
  let yields = 0;
  const m = new RoomTrustModel(source, store, {
    batchSize,
    frame: immediate,
    yieldFn: async () => {
      yields++;
      await new Promise((r) => setTimeout(r, 0));
    },
  });
  const changes: (ReadonlySet<string> | null)[] = [];
  const off = m.subscribe((c) => changes.push(c));
  return { m, off, changes, yields: () => yields };
}

describe('room trust model', () => {
  it('reads the members in batches, yielding between them, then is ready; the badge says who is verified', async () => {
    const names = [ME, ...Array.from({ length: 11 }, (_, i) => `@u${i}:x`)];
    const { source, state } = fakeSource(names, Object.fromEntries(names.map((u) => [u, { verified: true }])));
    const { m, yields } = model(source, undefined, 5);
    expect(m.stage.kind).to.equal('loading');
    await settle(m);
    expect(m.stage.kind).to.equal('ready');
    expect(state.readCalls.map((b) => b.length)).to.deep.equal([5, 5, 2]);
    expect(yields(), 'after the member list (more than a batch), then between batches').to.equal(3);
    expect(m.view().badge).to.equal('verified');
    expect(m.members.size).to.equal(12);
  });

  it('while members are being read, the badge says checking, not verified', async () => {
    const names = [ME, '@a:x', '@b:x'];
    const { source } = fakeSource(names, { '@a:x': { verified: true }, '@b:x': { verified: true } });
    const { m } = model(source, undefined, 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(m.stage.kind).to.equal('loading');
    expect(m.view().badge).to.equal('checking');
    await settle(m);
    expect(m.view().badge).to.equal('verified');
  });

  it('a member whose identity changed is listed; Acknowledge pins once (a second press joins), reads back, and stays quiet', async () => {
    const { source, state } = fakeSource([ME, '@bob:x', '@carol:x'], { '@bob:x': { needsApproval: true, masterKey: 'KEY2' } });
    const store = memoryAcknowledgementStore();
    const { m } = model(source, store);
    await settle(m);
    let v = m.view();
    expect(v.badge).to.equal('identity-changed');
    expect(v.changed.map((e) => [e.userId, e.trust])).to.deep.equal([['@bob:x', 'identity-changed']]);
    const carolBefore = m.members.get('@carol:x');
    const [a, b] = await Promise.all([m.acknowledge('@bob:x'), m.acknowledge('@bob:x')]);
    expect(state.acknowledged).to.deep.equal(['@bob:x']);
    expect(a).to.deep.equal({ kind: 'acknowledge', phase: 'done' });
    expect(b).to.equal(a);
    v = m.view();
    expect(v.changed).to.deep.equal([]);
    expect(v.badge).to.equal('not-verified');
    expect([...(store.load() as Set<string>)]).to.deep.equal([identityAckKey('@bob:x', 'KEY2')]);
    expect(m.members.get('@carol:x'), 'other entries untouched').to.equal(carolBefore);
  });

  it('Acknowledge that does not hold on read-back says so (not-applied); a failure says why', async () => {
    const { source, state } = fakeSource([ME, '@bob:x'], { '@bob:x': { needsApproval: true, masterKey: 'K' } });
    state.onAck = () => {};
    const { m } = model(source);
    await settle(m);
    expect(await m.acknowledge('@bob:x')).to.deep.equal({ kind: 'acknowledge', phase: 'not-applied' });
    expect(m.view().changed.map((e) => e.action?.phase)).to.deep.equal(['not-applied']);
    state.failAck = Object.assign(new Error('nope'), { httpStatus: 503 });
    const r = await m.acknowledge('@bob:x');
    expect(r.phase).to.equal('failed');
    expect(r.phase === 'failed' && r.failure.kind).to.equal('server');
    expect(m.view().badge).to.equal('identity-changed');
  });

  it('a formerly verified member: withdraw the requirement, read back', async () => {
    const { source, state } = fakeSource([ME, '@dan:x'], { '@dan:x': { wasVerified: true, masterKey: 'NEW' } });
    const { m } = model(source);
    await settle(m);
    expect(m.view().changed.map((e) => e.trust)).to.deep.equal(['was-verified']);
    expect(m.view().blocking.map((e) => e.userId)).to.deep.equal(['@dan:x']);
    expect(await m.withdraw('@dan:x')).to.deep.equal({ kind: 'withdraw', phase: 'done' });
    expect(state.withdrawn).to.deep.equal(['@dan:x']);
    expect(m.view().changed).to.deep.equal([]);
  });

  it('an acknowledgement in the host store keeps that change quiet, and only that one', async () => {
    const store = memoryAcknowledgementStore();
    await store.add(identityAckKey('@bob:x', 'OLD'));
    await store.add(identityAckKey('@carol:x', 'SAME'));
    const { source } = fakeSource([ME, '@bob:x', '@carol:x'], {
      '@bob:x': { needsApproval: true, masterKey: 'NEW' },
      '@carol:x': { needsApproval: true, masterKey: 'SAME' },
    });
    const { m } = model(source, store);
    await settle(m);
    expect(m.view().changed.map((e) => e.userId)).to.deep.equal(['@bob:x']);
  });

  it('a trust or device change re-reads only that member and replaces only their entry', async () => {
    const names = [ME, ...Array.from({ length: 30 }, (_, i) => `@u${i}:x`)];
    const { source, state, data } = fakeSource(names);
    const { m, changes } = model(source);
    await settle(m);
    const before = new Map(m.members);
    state.readCalls.length = 0;
    changes.length = 0;
    data.set('@u7:x', read('@u7:x', { unsigned: [{ deviceId: 'NEWDEV', displayName: 'Phone' }], sessions: 2 }));
    state.watch!.users(['@u7:x', '@stranger:x']);
    await settle(m);
    expect(state.readCalls).to.deep.equal([['@u7:x']]);
    expect(changes.map((c) => (c ? [...c] : null))).to.deep.equal([['@u7:x']]);
    for (const [u, e] of m.members) expect(e === before.get(u), u).to.equal(u !== '@u7:x');
    const v = m.view();
    expect(v.badge).to.equal('unsigned-sessions');
    expect(v.unsigned.map((e) => e.userId)).to.deep.equal(['@u7:x']);
    expect(v.unsignedNew).to.equal(1);
    // A re-read that finds nothing new replaces nothing.
    changes.length = 0;
    state.watch!.users(['@u3:x']);
    await settle(m);
    expect(m.members.get('@u3:x')).to.equal(before.get('@u3:x'));
    expect(changes.filter((c) => c && c.size)).to.deep.equal([]);
  });

  it('dismissing a member’s unsigned sessions quiets the badge until a new one shows up', async () => {
    const { source, state, data } = fakeSource([ME, '@eve:x'], { '@eve:x': { unsigned: [{ deviceId: 'D1', displayName: 'Laptop' }] } });
    const store = memoryAcknowledgementStore();
    const { m } = model(source, store);
    await settle(m);
    expect(m.view().badge).to.equal('unsigned-sessions');
    await m.dismissSessions('@eve:x');
    expect(m.view().badge).to.equal('not-verified');
    expect(m.view().unsigned.map((e) => e.userId), 'still listed on demand').to.deep.equal(['@eve:x']);
    expect([...(store.load() as Set<string>)]).to.deep.equal([sessionAckKey('@eve:x', 'D1')]);
    data.set('@eve:x', read('@eve:x', { unsigned: [{ deviceId: 'D1', displayName: 'Laptop' }, { deviceId: 'D2', displayName: null }] }));
    state.watch!.users(['@eve:x']);
    await settle(m);
    expect(m.view().badge).to.equal('unsigned-sessions');
    expect(m.view().unsignedNew).to.equal(1);
  });

  it('follows joins, invites and leaves', async () => {
    const { source, state } = fakeSource([ME, '@bob:x'], { '@bob:x': { verified: true } });
    const { m } = model(source);
    await settle(m);
    state.room!.members.push({ userId: '@new:x', name: 'new', membership: 'invite' });
    state.readCalls.length = 0;
    state.watch!.room();
    await settle(m);
    expect([...m.members.keys()]).to.deep.equal([ME, '@bob:x', '@new:x']);
    expect(state.readCalls).to.deep.equal([['@new:x']]);
    expect(m.members.get('@new:x')!.membership).to.equal('invite');
    state.room!.members = state.room!.members.filter((x) => x.userId !== '@bob:x');
    state.watch!.room();
    await settle(m);
    expect([...m.members.keys()]).to.deep.equal([ME, '@new:x']);
  });

  it('device isolation: in only-signed mode, members with unsigned sessions get no keys; follows changes', async () => {
    const { source, state } = fakeSource([ME, '@eve:x', '@bob:x'], { '@eve:x': { unsigned: [{ deviceId: 'D1', displayName: null }] } });
    const { m, changes } = model(source);
    await settle(m);
    expect(m.view().isolation).to.equal('all');
    expect(m.view().withheld).to.deep.equal([]);
    changes.length = 0;
    state.watch!.isolation('only-signed');
    expect(changes).to.deep.equal([null]);
    expect(m.view().withheld.map((e) => e.userId)).to.deep.equal(['@eve:x']);
  });

  it('no room, an unencrypted room, and a failing read are stages of their own; Check again recovers', async () => {
    const a = fakeSource([ME]);
    a.state.room = null;
    const ma = model(a.source);
    await settle(ma.m);
    expect(ma.m.stage.kind).to.equal('no-room');
    expect(ma.m.view().badge).to.equal('unavailable');
    const b = fakeSource([ME]);
    b.state.room!.encrypted = false;
    const mb = model(b.source);
    await settle(mb.m);
    expect(mb.m.view().badge).to.equal('not-encrypted');
    const c = fakeSource([ME, '@bob:x']);
    c.state.failRoom = new TypeError('Failed to fetch');
    const mc = model(c.source);
    await settle(mc.m);
    expect(mc.m.stage.kind === 'error' && mc.m.stage.failure.kind).to.equal('network');
    c.state.failRoom = null;
    mc.m.refresh();
    await settle(mc.m);
    expect(mc.m.stage.kind).to.equal('ready');
  });

  it('the last unsubscribe removes the watch; later changes read nothing', async () => {
    const { source, state } = fakeSource([ME, '@bob:x']);
    const { m, off } = model(source);
    await settle(m);
    const h = state.watch!;
    off();
    expect(state.unwatched).to.equal(1);
    expect(m.active).to.equal(false);
    state.readCalls.length = 0;
    h.users(['@bob:x']);
    h.room();
    await new Promise((r) => setTimeout(r, 10));
    expect(state.readCalls).to.deep.equal([]);
  });

  it('deriveView: an empty room (only me) is not "verified"', () => {
    expect(deriveView({ kind: 'ready' }, [], ME, 'all').badge).to.equal('not-verified');
  });
});
