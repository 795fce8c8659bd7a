// <xs-room-trust>: pick one of your encrypted rooms (or create one and invite someone, e.g. the second demo
// account of the section above); a room header with the compact badge, and the detail below it.
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-room-trust.js';
import { sectionFrame, type DemoContext, type DemoSection } from './section.js';

const snippet = `<!-- in a room header: one badge that opens the detail -->
<xs-room-trust room-id="!abc:example.org" compact></xs-room-trust>
<!-- the detail: changed identities (Acknowledge / Verify / Withdraw), unsigned sessions, device isolation -->
<xs-room-trust room-id="!abc:example.org"></xs-room-trust>

<script type="module">
  import 'xs-kit/define/xs-room-trust.js';
  // Optional: keep acknowledged warnings across reloads
  const acks = new Set(JSON.parse(localStorage.getItem('xs-acks') ?? '[]'));
  trust.acknowledgements = { load: () => acks, add: (k) => { acks.add(k); localStorage.setItem('xs-acks', JSON.stringify([...acks])); } };
  // Optional: place verifications yourself (otherwise <xs-verify-user> opens inline)
  trust.addEventListener('xs-request-verify', (e) => { e.preventDefault(); openVerification(e.userId); });
</script>`;

async function encryptedRooms(client: MatrixClient): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (const room of client.getRooms()) {
    if (room.getMyMembership() !== 'join') continue;
    if (await client.getCrypto()?.isEncryptionEnabledInRoom(room.roomId)) out.push({ id: room.roomId, name: room.name || room.roomId });
  }
  return out;
}

export const roomTrustSection: DemoSection = {
  render({ client }: DemoContext) {
    const wrap = document.createElement('div');
    const controls = document.createElement('div');
    controls.className = 'row';
    const label = document.createElement('label');
    label.textContent = 'Room ';
    const select = document.createElement('select');
    label.append(select);
    const refresh = document.createElement('button');
    refresh.type = 'button';
    refresh.textContent = 'Reload the room list';
    const invite = document.createElement('input');
    invite.placeholder = '@someone:localhost (optional)';
    invite.setAttribute('aria-label', 'Invite (user ID)');
    const create = document.createElement('button');
    create.type = 'button';
    create.textContent = 'Create an encrypted room';
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    controls.append(label, refresh, invite, create);

    const header = document.createElement('div');
    header.className = 'room-header';
    const title = document.createElement('strong');
    const badge = document.createElement('xs-room-trust');
    badge.compact = true;
    header.append(title, ' ', badge);
    const detail = document.createElement('xs-room-trust');

    const show = (roomId: string) => {
      title.textContent = client.getRoom(roomId)?.name ?? roomId;
      badge.roomId = roomId;
      detail.roomId = roomId;
    };
    const fill = async (pick?: string) => {
      const rooms = await encryptedRooms(client);
      select.replaceChildren(...rooms.map((r) => Object.assign(document.createElement('option'), { value: r.id, textContent: r.name })));
      note.textContent = rooms.length ? '' : 'No encrypted room yet: create one.';
      const id = pick ?? rooms[0]?.id;
      if (id) {
        select.value = id;
        show(id);
      }
    };
    select.addEventListener('change', () => show(select.value));
    refresh.addEventListener('click', () => void fill(select.value || undefined));
    create.addEventListener('click', () => void (async () => {
      create.disabled = true;
      try {
        const who = invite.value.trim();
        const { room_id } = await client.createRoom({
          name: `xs-kit demo room ${new Date().toLocaleTimeString()}`,
          ...(who ? { invite: [who] } : {}),
          initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
        });
        const until = Date.now() + 10_000;
        while (!client.getRoom(room_id) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        await fill(room_id);
      } catch (err) {
        note.textContent = `Could not create it: ${(err as Error).message}`;
      } finally {
        create.disabled = false;
      }
    })());
    void fill();
    wrap.append(controls, note, header, detail);
    // Both elements' events bubble to the section's log.
    return sectionFrame('Room trust', snippet, wrap, ['xs-request-verify', 'xs-identity-accepted', 'xs-error']);
  },
};
