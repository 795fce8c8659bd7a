// Realistic exported megolm sessions (the JSON the rust crypto's exportRoomKeysAsJson writes), valid enough for
// OlmMachine's import/export helpers to parse: real session-key layout and a real Ed25519 public key.

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s).replace(/=+$/, '');
}

let signingKey: Promise<Uint8Array> | undefined;
function ed25519PublicKey(): Promise<Uint8Array> {
  signingKey ??= (async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']));
    return new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  })();
  return signingKey;
}

/**
 * JSON of `n` exported sessions spread over `rooms` rooms (~590 bytes each). With `distinct`, each session has its
 * own Ed25519 key and its session id is that key, as in a real export (a crypto store then keeps each one apart);
 * otherwise (fast, for benchmarks) all share one key and the session ids are random.
 */
export async function realisticSessionsJson(n: number, rooms = 50, { distinct = false } = {}): Promise<string> {
  const ed = await ed25519PublicKey();
  const edB64 = b64(ed);
  const parts: string[] = [];
  const key = new Uint8Array(1 + 4 + 128 + 32);
  const rnd = new Uint8Array(64);
  for (let i = 0; i < n; i++) {
    key[0] = 1;
    crypto.getRandomValues(key.subarray(5, 133));
    crypto.getRandomValues(rnd);
    if (distinct) {
      const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']));
      rnd.set(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)), 32);
    }
    key.set(distinct ? rnd.subarray(32, 64) : ed, 133);
    parts.push(
      JSON.stringify({
        algorithm: 'm.megolm.v1.aes-sha2',
        room_id: `!room${(i % rooms).toString(36)}abcdefgh:example.org`,
        sender_key: b64(rnd.subarray(0, 32)),
        session_id: b64(rnd.subarray(32, 64)),
        session_key: b64(key),
        sender_claimed_keys: { ed25519: edB64 },
        forwarding_curve25519_key_chain: [],
        'm.shared_history': false,
      }),
    );
  }
  return `[${parts.join(',')}]`;
}
