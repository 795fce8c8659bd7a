#!/usr/bin/env python3
# A legacy Matrix peer for the e2e tests: python3-matrix-nio (Debian), an independent client that only speaks the
# direct to-device SAS (m.key.verification.start without request/ready/done) and never answers a verification
# request. Run inside the Synapse Debian tree (scripts/homeserver.mjs `spawnInTree`), driven by the test runner
# plugin scripts/nio-peer-plugin.mjs through stdout lines:
#   READY <device_id>                 logged in, device keys uploaded, first sync done
#   TODEVICE <type> <sender>          a to-device event arrived (types only: no content is printed)
#   STARTED <transaction_id>          (mode start) the legacy m.key.verification.start was sent to <target_device>
#   ERROR <what>
# Usage: nio-peer.py <homeserver> <user_id> <password> idle|start [target_device]
import asyncio
import sys
import tempfile

from nio import AsyncClient, AsyncClientConfig, LoginResponse
from nio.events.to_device import ToDeviceEvent


def say(*parts):
    print(*parts, flush=True)


async def main():
    homeserver, user_id, password, mode = sys.argv[1:5]
    target = sys.argv[5] if len(sys.argv) > 5 else None
    store = tempfile.mkdtemp(prefix="xs-nio-")
    client = AsyncClient(homeserver, user_id, store_path=store, config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=False))
    login = await client.login(password, device_name="nio legacy peer")
    if not isinstance(login, LoginResponse):
        say("ERROR login", type(login).__name__)
        return

    def on_to_device(event):
        source = getattr(event, "source", {}) or {}
        say("TODEVICE", source.get("type", type(event).__name__), event.sender)

    client.add_to_device_callback(on_to_device, (ToDeviceEvent,))
    await client.sync(timeout=0, full_state=True)
    if client.should_upload_keys:
        await client.keys_upload()
    say("READY", client.device_id)

    if mode == "start" and target:
        # Our own other devices: ask the server for them, then start the legacy SAS with the target.
        for _ in range(50):
            client.olm.users_for_key_query.add(user_id)
            await client.keys_query()
            device = client.device_store[user_id].get(target) if user_id in client.device_store.users else None
            if device:
                break
            await asyncio.sleep(0.2)
        else:
            say("ERROR no device", target)
            return
        resp = await client.start_key_verification(device)
        sas = next((s for s in client.key_verifications.values() if s.other_olm_device.id == target), None)
        say("STARTED", sas.transaction_id if sas else type(resp).__name__)

    await client.sync_forever(timeout=3000)


asyncio.run(main())
