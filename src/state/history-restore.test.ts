import { expect } from '@open-wc/testing';
import type { HistoryRestorePort, RestoreProgress, SecretsState } from '../sdk/history-restore.js';
import { HistoryRestoreFlow } from './history-restore.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

class FakePort implements HistoryRestorePort {
  state: SecretsState = { crossSigning: false, backupKey: false };
  hasBackup: boolean | null = true;
  backupChecks = 0;
  restores = 0;
  progress: RestoreProgress[] = [{ done: 0, total: 1234 }, { done: 200, total: 1234 }, { done: 1234, total: 1234 }];
  fail: Error | undefined;
  private listeners = new Set<() => void>();
  async secrets() {
    return { ...this.state };
  }
  async backupExists() {
    this.backupChecks++;
    return this.hasBackup;
  }
  onSecretsChange(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  get listening() {
    return this.listeners.size;
  }
  arrive(patch: Partial<SecretsState>) {
    Object.assign(this.state, patch);
    this.listeners.forEach((l) => l());
  }
  async restore(onProgress: (p: RestoreProgress) => void) {
    this.restores++;
    if (this.fail) throw this.fail;
    for (const p of this.progress) onProgress(p);
    return { imported: 1234, total: 1234 };
  }
}

function timers() {
  let now = 0;
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

describe('HistoryRestoreFlow', () => {
  it('waits for the cross-signing keys and the backup key, then restores with progress and a result', async () => {
    const port = new FakePort();
    const t = timers();
    const flow = new HistoryRestoreFlow(port, t);
    const stages: string[] = [];
    flow.addEventListener('change', () => stages.push(flow.stage.kind === 'restoring' ? `restoring ${flow.stage.done}/${flow.stage.total}` : flow.stage.kind));
    const done = flow.start();
    await tick();
    expect(flow.stage.kind).to.equal('waiting-secrets');
    port.arrive({ crossSigning: true });
    await tick();
    expect(flow.stage.kind, 'the backup key is still on its way').to.equal('waiting-secrets');
    port.arrive({ backupKey: true });
    await done;
    expect(stages).to.deep.equal(['restoring 0/0', 'restoring 0/1234', 'restoring 200/1234', 'restoring 1234/1234', 'restored']);
    expect(flow.stage).to.deep.equal({ kind: 'restored', imported: 1234, total: 1234 });
    expect(port.listening).to.equal(0);
    await flow.start();
    expect(port.restores, 'one restore, however often started').to.equal(1);
  });

  it('asks the server whether there is a backup only when the keys came without the backup key (once per run)', async () => {
    const together = new FakePort();
    const flow = new HistoryRestoreFlow(together, timers());
    const done = flow.start();
    await tick();
    together.arrive({ crossSigning: true, backupKey: true });
    await done;
    expect(flow.stage.kind).to.equal('restored');
    expect(together.backupChecks, 'all keys here: nothing to ask').to.equal(0);

    const apart = new FakePort();
    const t = timers();
    const flow2 = new HistoryRestoreFlow(apart, t);
    const done2 = flow2.start();
    await tick();
    expect(apart.backupChecks, 'no key yet: nothing to decide').to.equal(0);
    apart.arrive({ crossSigning: true });
    await tick();
    t.advance(1000);
    await tick();
    apart.arrive({});
    await tick();
    expect(apart.backupChecks, 'asked once, however often it reads').to.equal(1);
    expect(flow2.stage.kind, 'a backup exists: its key is awaited').to.equal('waiting-secrets');
    apart.arrive({ backupKey: true });
    await done2;
    expect(flow2.stage.kind).to.equal('restored');
  });

  it('no backup on the account: says so instead of waiting for a key that will never come', async () => {
    const port = new FakePort();
    port.state = { crossSigning: true, backupKey: false };
    port.hasBackup = false;
    const flow = new HistoryRestoreFlow(port, timers());
    await flow.start();
    expect(flow.stage).to.deep.equal({ kind: 'no-backup' });
    expect(port.restores).to.equal(0);
  });

  it('the backup check failed (unknown, not "none"): never says "no backup"; the restore follows the keys', async () => {
    const port = new FakePort();
    port.hasBackup = null;
    const flow = new HistoryRestoreFlow(port, timers());
    const done = flow.start();
    await tick();
    port.arrive({ crossSigning: true });
    await tick();
    expect(flow.stage.kind).to.equal('waiting-secrets');
    port.arrive({ backupKey: true });
    await done;
    expect(flow.stage.kind).to.equal('restored');
  });

  it('Try again pressed twice joins one restore', async () => {
    const port = new FakePort();
    port.state = { crossSigning: true, backupKey: true };
    port.fail = new Error('network down');
    const flow = new HistoryRestoreFlow(port, timers());
    await flow.start();
    expect(flow.stage.kind).to.equal('failed');
    port.fail = undefined;
    const before = port.restores;
    await Promise.all([flow.retry(), flow.retry()]);
    expect(port.restores - before).to.equal(1);
    expect(flow.stage.kind).to.equal('restored');
  });

  it('secrets that never arrive: after the bound it says which are missing; retry waits again', async () => {
    const port = new FakePort();
    const t = timers();
    const flow = new HistoryRestoreFlow(port, { ...t, secretsTimeoutMs: 30_000 });
    const done = flow.start();
    await tick();
    port.arrive({ crossSigning: true });
    t.advance(30_000);
    await done;
    expect(flow.stage).to.deep.equal({ kind: 'secrets-missing', crossSigning: true, backupKey: false });
    port.state.backupKey = true;
    await flow.retry();
    expect(flow.stage.kind).to.equal('restored');
  });

  it('a failed restore is reported and can be retried', async () => {
    const port = new FakePort();
    port.state = { crossSigning: true, backupKey: true };
    port.fail = Object.assign(new Error('bad gateway'), { httpStatus: 502 });
    const flow = new HistoryRestoreFlow(port, timers());
    await flow.start();
    expect(flow.stage.kind).to.equal('failed');
    port.fail = undefined;
    await flow.retry();
    expect(flow.stage).to.deep.equal({ kind: 'restored', imported: 1234, total: 1234 });
  });
});
