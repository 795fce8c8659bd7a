// The Matrix "Key exports" file (`-----BEGIN MEGOLM SESSION DATA-----`), with WebCrypto only.
//
// body = 0x01 | salt(16) | IV(16) | rounds (u32 BE) | AES-256-CTR(K, IV, counter length 64) ciphertext | HMAC-SHA-256(K', all before)
// K | K' = PBKDF2-HMAC-SHA-512(passphrase as UTF-8, salt, rounds, 512 bits); the file is base64 of the body between
// the armour lines.
//
// Speed, memory and responsiveness on exports of 100 000+ sessions (tens of MB):
// - the key derivation is one WebCrypto deriveBits call in a crypto worker, started as soon as salt and rounds are
//   known; meanwhile the main thread does the work that needs no key: the UTF-8 encoding of the plaintext (encrypt),
//   the base64 decoding of the file (decrypt; natively with Uint8Array.prototype.setFromBase64 where available).
//   Little else runs then: on a small machine any busy thread slows the derivation down;
// - encrypt works in place: the plaintext is written at the end of one buffer of the whole file's size, encrypted
//   there by two workers (half each, 512 KB AES pieces), and returned to the page, which writes the base64 from the
//   front of the same buffer (WebAssembly SIMD for whole lines). Peak memory: that buffer, the HMAC's copy of the
//   body, and half the body for the second worker;
// - WebCrypto runs AES and HMAC on the calling thread (even on the page: some 90 ms for the HMAC of 60 MB), so both
//   run in the workers only;
// - the page writes ASCII text (key exports are) with a plain loop straight into the workers' buffers: the first
//   half into the file buffer, the second half into the second worker's (TextEncoder over substrings copied each
//   slice first; text with other characters takes that exact UTF-8 path);
// - decrypt: one worker checks the HMAC and decrypts piece by piece at the same time (WebCrypto copies the input
//   when called and hashes off the worker's thread); each plaintext piece goes to the page at once for its UTF-8
//   decoding; the text is returned only once the HMAC matched. (A second worker checking the HMAC on a copy was no
//   faster on a two-core machine, and used a third more memory.);
// - the work on the main thread is done in slices (about 1 MB), yielding to the event loop between them.
//
// The code: key-file-common.ts (constants, errors, key derivation, workers of a call), key-file-encrypt.ts (writing),
// key-file-decrypt.ts (reading), crypto-worker.ts (the workers), base64.ts (the base64 codecs).

export {
  KEY_FILE_HEADER,
  KEY_FILE_TRAILER,
  DEFAULT_KDF_ROUNDS,
  MAX_KDF_ROUNDS,
  KeyFileError,
  type KeyFileErrorCode,
  type KeyFileErrorReason,
  type KeyFilePhase,
  type KeyFileTimings,
  type KeyFileOptions,
  type EncryptKeyFileOptions,
} from './key-file-common.js';
export { encryptMegolmKeyFile } from './key-file-encrypt.js';
export { warmUpKeyFileWorkers } from './key-file-common.js';
export { decryptMegolmKeyFile } from './key-file-decrypt.js';
