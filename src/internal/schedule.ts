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

let pending: (() => void)[] | undefined;
let channel: MessageChannel | undefined;

/**
 * Resolves in a task of its own, after the current one and every promise callback queued meanwhile: e.g. after the
 * SDK has finished handling the sync response that emitted an event (its next to-device message is on its way by
 * then). Sooner than a timer (no clamping) and before the next frame in practice.
 */
export function afterCurrentTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const run = pending ?? [];
        pending = undefined;
        for (const r of run) r();
      };
    }
    if (!pending) {
      pending = [];
      channel.port2.postMessage(null);
    }
    pending.push(resolve);
  });
}
