// What the VerificationFlow unit tests share: a flow on a fake port, with timers fired by the test.
import { VerificationFlow } from '../../src/state/verification.js';
import { FakeVerificationPort } from './fake-verification.js';

export const tick = () => new Promise((r) => setTimeout(r, 0));

/** Timers the test fires itself (the flow's poll). */
export function manualTimers() {
  const fns: (() => void)[] = [];
  return {
    setTimer: (fn: () => void) => (fns.push(fn), fns.length),
    clearTimer: () => void fns.splice(0),
    fire: () => fns.forEach((f) => f()),
    get count() { return fns.length; },
  };
}

/** An other-session flow whose request went out on a fake port. */
export async function outgoing(init: ConstructorParameters<typeof FakeVerificationPort>[0] = {}, qrDelayMs = 0) {
  const port = new FakeVerificationPort(init);
  const timers = manualTimers();
  const flow = new VerificationFlow({ role: 'other-session', request: async () => port, qrDelayMs, ...timers });
  await flow.start();
  return { port, flow, timers };
}
