// Which device-isolation mode the kit last set on a client. The SDK has a setter but no getter (and does not
// persist the mode), so whoever sets it through the kit (`applyDeviceIsolation` in status.ts, used by
// `<xs-status device-isolation>`) records it here and views such as `<xs-room-trust>` read and follow it.

/** "all": share keys with every device of a user (the SDK default); "only-signed": only with cross-signed devices. */
export type DeviceIsolation = 'all' | 'only-signed';

const modes = new WeakMap<object, DeviceIsolation>();
const listeners = new WeakMap<object, Set<(mode: DeviceIsolation) => void>>();

/** Records the mode just set on `client` and tells the listeners when it changed. */
export function recordDeviceIsolation(client: object, mode: DeviceIsolation): void {
  if (modes.get(client) === mode) return;
  modes.set(client, mode);
  for (const l of [...(listeners.get(client) ?? [])]) l(mode);
}

/** The mode set on `client` through the kit; the SDK's default (`all`) when none was. */
export function deviceIsolationOf(client: object): DeviceIsolation {
  return modes.get(client) ?? 'all';
}

/** Calls `listener` when the kit sets another mode on `client`; returns the unsubscribe function. */
export function onDeviceIsolationChanged(client: object, listener: (mode: DeviceIsolation) => void): () => void {
  let set = listeners.get(client);
  if (!set) listeners.set(client, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}
