import { expect } from '@open-wc/testing';
import { afterCurrentTask } from './schedule.js';

const hasScheduler = typeof (globalThis as { scheduler?: { postTask?: unknown } }).scheduler?.postTask === 'function';

describe('afterCurrentTask', () => {
  for (const urgent of [false, true]) {
    it(`${urgent ? 'urgent' : 'normal'}: resolves in a task of its own, after the promise callbacks of the current one`, async () => {
      const log: string[] = [];
      const hop = afterCurrentTask(urgent).then(() => log.push('hop'));
      void Promise.resolve().then(() => Promise.resolve()).then(() => log.push('microtasks'));
      log.push('sync');
      await hop;
      expect(log).to.deep.equal(['sync', 'microtasks', 'hop']);
    });
  }

  it('an urgent hop runs before a normal one asked for earlier in the same task; several of a kind run together', async () => {
    const log: string[] = [];
    const all = [
      afterCurrentTask().then(() => log.push('normal 1')),
      afterCurrentTask().then(() => log.push('normal 2')),
      afterCurrentTask(true).then(() => log.push('urgent')),
    ];
    await Promise.all(all);
    expect(log).to.deep.equal(['urgent', 'normal 1', 'normal 2']);
  });

  // Only where the browser has task priorities (the fallback keeps the order tasks were queued in).
  if (hasScheduler) it('where tasks have priorities (scheduler.postTask): an urgent hop goes ahead of a task queued before it', async () => {
    const log: string[] = [];
    const ch = new MessageChannel();
    const queued = new Promise<void>((resolve) => {
      ch.port1.onmessage = () => {
        log.push('queued task');
        resolve();
      };
    });
    ch.port2.postMessage(null);
    await Promise.all([afterCurrentTask(true).then(() => log.push('urgent')), queued]);
    ch.port1.close();
    expect(log).to.deep.equal(['urgent', 'queued task']);
  });
});
