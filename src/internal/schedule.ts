// Moving work off the moment a verification step is on screen: the SDK's crypto runs on the page's main thread, so
// what an element does right after rendering (or while a protocol step waits for the network) delays the protocol.

/**
 * Resolves at the next animation frame — where the browser computes styles and layout for the frame anyway — or after
 * `fallbackMs` when no frame comes (a hidden tab runs none).
 */
export function nextFrame(fallbackMs = 50): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const t = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** The Prioritized Task Scheduling API (Chromium, recent Firefox), where there is one. */
interface TaskScheduler {
  postTask(cb: () => void, opts: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}
const taskScheduler = (): TaskScheduler | undefined => (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler?.postTask ? (globalThis as unknown as { scheduler: TaskScheduler }).scheduler : undefined;

const pending: Record<'urgent' | 'normal', (() => void)[] | undefined> = { urgent: undefined, normal: undefined };
let channel: MessageChannel | undefined;

function runAll(kind: 'urgent' | 'normal') {
  const run = pending[kind] ?? [];
  pending[kind] = undefined;
  for (const r of run) r();
}

/**
 * Resolves in a task of its own, after the current one and every promise callback queued meanwhile: e.g. after the
 * SDK has finished handling the sync response that emitted an event (its next to-device message is on its way by
 * then). Sooner than a timer (no clamping) and before the next frame in practice.
 *
 * `urgent`: what waits for it is on the critical path (a step the person acts on next): where the browser schedules
 * tasks by priority, it runs before tasks of normal priority already queued (e.g. another client's network
 * responses on the same page), still after the current one.
 */
export function afterCurrentTask(urgent = false): Promise<void> {
  return new Promise((resolve) => {
    const kind = urgent ? 'urgent' : 'normal';
    if (!pending[kind]) {
      pending[kind] = [];
      const s = taskScheduler();
      if (s) {
        void s.postTask(() => runAll(kind), { priority: urgent ? 'user-blocking' : 'user-visible' }).catch(() => runAll(kind));
      } else if (typeof MessageChannel !== 'undefined') {
        if (!channel) {
          channel = new MessageChannel();
          channel.port1.onmessage = () => {
            runAll('urgent');
            runAll('normal');
          };
        }
        channel.port2.postMessage(null);
      } else {
        setTimeout(() => runAll(kind), 0);
      }
    }
    pending[kind].push(resolve);
  });
}
