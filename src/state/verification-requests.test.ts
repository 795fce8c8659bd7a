import { expect } from '@open-wc/testing';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { IncomingRequestHandle, IncomingRequestsPort, IncomingView, Requester } from '../sdk/verification-requests.js';
import { VerificationRequestsModel } from './verification-requests.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

class FakeHandle implements IncomingRequestHandle {
  readonly request = {} as VerificationRequest;
  state: IncomingView = { open: true, timeoutMs: 600_000 };
  accepted = 0;
  private listeners = new Set<() => void>();
  constructor(readonly key: string, private readonly who: Partial<Requester> = {}) {}
  view() {
    return { ...this.state };
  }
  onChange(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  get listening() {
    return this.listeners.size;
  }
  update(patch: Partial<IncomingView>) {
    Object.assign(this.state, patch);
    this.listeners.forEach((l) => l());
  }
  async describe(): Promise<Requester> {
    return { userId: '@me:x', own: true, displayName: undefined, deviceId: 'DEV', deviceName: 'Phone', lastSeenTs: undefined, lastSeenIp: undefined, ...this.who };
  }
  async accept() {
    this.accepted++;
  }
}

function fakePort(existing: FakeHandle[] = []) {
  let listener: ((h: IncomingRequestHandle) => void) | undefined;
  const port: IncomingRequestsPort = {
    existing: () => existing,
    subscribe(l) {
      listener = l;
      return () => (listener = undefined);
    },
  };
  return { port, arrive: (h: FakeHandle) => listener?.(h), get subscribed() { return listener !== undefined; } };
}

function clock() {
  let now = 1_000_000;
  const fns: (() => void)[] = [];
  return {
    now: () => now,
    setTimer: (fn: () => void) => (fns.push(fn), fns.length),
    clearTimer: () => void fns.splice(0),
    advance(ms: number) {
      now += ms;
      fns.forEach((f) => f());
    },
  };
}

describe('VerificationRequestsModel', () => {
  it('queues several requests (waiting ones on connect too) and reads who asks', async () => {
    const first = new FakeHandle('a');
    const { port, arrive } = fakePort([first]);
    const model = new VerificationRequestsModel(port, clock());
    arrive(new FakeHandle('b', { own: false, userId: '@bob:x', displayName: 'Bob' }));
    expect(model.entries.map((e) => e.key)).to.deep.equal(['a', 'b']);
    await tick();
    expect(model.entries[1].requester).to.deep.include({ userId: '@bob:x', displayName: 'Bob' });
    arrive(new FakeHandle('b'));
    expect(model.entries, 'the same request twice shows once').to.have.length(2);
  });

  it('stale, expired or already answered requests never show', () => {
    const { port, arrive } = fakePort();
    const model = new VerificationRequestsModel(port, clock());
    const expired = new FakeHandle('x');
    expired.state.timeoutMs = 0;
    const answered = new FakeHandle('y');
    answered.state.open = false;
    arrive(expired);
    arrive(answered);
    expect(model.entries).to.have.length(0);
  });

  it('counts down to the earlier of the request expiry and 2 minutes after receipt; disappears at zero', () => {
    const c = clock();
    const { port, arrive } = fakePort();
    const model = new VerificationRequestsModel(port, c);
    const longLived = new FakeHandle('a');
    const shortLived = new FakeHandle('b');
    shortLived.state.timeoutMs = 30_000;
    arrive(longLived);
    arrive(shortLived);
    expect(model.secondsLeft(model.entries[0])).to.equal(120);
    expect(model.secondsLeft(model.entries[1])).to.equal(30);
    let changes = 0;
    model.addEventListener('change', () => changes++);
    c.advance(1_000);
    expect(changes, 'the countdown moves every second').to.equal(1);
    expect(model.secondsLeft(model.entries[1])).to.equal(29);
    c.advance(29_000);
    expect(model.entries.map((e) => e.key)).to.deep.equal(['a']);
    c.advance(90_000);
    expect(model.entries).to.have.length(0);
    expect(longLived.listening + shortLived.listening).to.equal(0);
  });

  it('accepted on another session or cancelled: disappears quietly; ignore hides without answering', () => {
    const { port, arrive } = fakePort();
    const model = new VerificationRequestsModel(port, clock());
    const a = new FakeHandle('a');
    const b = new FakeHandle('b');
    const c = new FakeHandle('c');
    [a, b, c].forEach(arrive);
    a.update({ open: false });
    expect(model.entries.map((e) => e.key)).to.deep.equal(['b', 'c']);
    model.ignore('b');
    expect(model.entries.map((e) => e.key)).to.deep.equal(['c']);
    expect(b.accepted).to.equal(0);
  });

  it('accept sends the answer once and keeps the entry (its verification continues) until finished', async () => {
    const c = clock();
    const { port, arrive } = fakePort();
    const model = new VerificationRequestsModel(port, c);
    const a = new FakeHandle('a');
    arrive(a);
    await Promise.all([model.accept('a'), model.accept('a')]);
    expect(a.accepted).to.equal(1);
    expect(model.entries[0].state).to.equal('accepted');
    a.update({ open: false }); // now answered — by us
    c.advance(200_000);
    expect(model.entries, 'no countdown or quiet removal once accepted here').to.have.length(1);
    model.finish('a');
    expect(model.entries).to.have.length(0);
  });

  it('dispose unsubscribes from the client and every request', () => {
    const f = fakePort();
    const model = new VerificationRequestsModel(f.port, clock());
    const a = new FakeHandle('a');
    f.arrive(a);
    model.dispose();
    expect(f.subscribed).to.equal(false);
    expect(a.listening).to.equal(0);
  });
});
