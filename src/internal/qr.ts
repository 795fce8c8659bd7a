// QR codes for verification: draw our payload (qr-code-styling) and read the other device's (jsqr).
// Both libraries are loaded with dynamic import() the first time a QR step is shown, so they stay out of
// the main bundle. The payload is binary ("MATRIX", version, mode, ids, keys, secret): it goes through
// QR byte mode both ways and is never decoded as text.

type JsQr = typeof import('jsqr').default;
type QrStyling = typeof import('qr-code-styling').default;

/** CommonJS/UMD modules arrive as `default` (bundlers) or as the namespace itself (some loaders). */
function defaultOf<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m && typeof m === 'object' && 'default' in m && m.default ? m.default : mod) as T;
}

let stylingModule: Promise<QrStyling> | undefined;
let jsQrModule: Promise<JsQr> | undefined;

function loadStyling(): Promise<QrStyling> {
  stylingModule ??= import('qr-code-styling').then((m) => defaultOf<QrStyling>(m));
  return stylingModule;
}

function loadJsQr(): Promise<JsQr> {
  jsQrModule ??= import('jsqr').then((m) => defaultOf<JsQr>(m));
  return jsQrModule;
}

/** Draws `bytes` as a QR code (byte mode, black on white) and returns a PNG. */
export async function renderQrPng(bytes: ArrayLike<number>, size = 256): Promise<Blob> {
  const QRCodeStyling = await loadStyling();
  // qr-code-styling encodes each character code & 0xff in byte mode: one character per byte keeps every byte exact.
  let data = '';
  for (let i = 0; i < bytes.length; i++) data += String.fromCharCode(bytes[i]);
  const qr = new QRCodeStyling({
    width: size,
    height: size,
    type: 'canvas',
    margin: 12,
    data,
    qrOptions: { mode: 'Byte', errorCorrectionLevel: 'L' },
    dotsOptions: { type: 'square', color: '#000000' },
    cornersSquareOptions: { type: 'square', color: '#000000' },
    backgroundOptions: { color: '#ffffff' },
  });
  const blob = await qr.getRawData('png');
  if (!(blob instanceof Blob)) throw new Error('the QR code could not be drawn');
  return blob;
}

/**
 * The same QR code as a `data:` URL, for an `<img>`: a page's Content-Security-Policy then needs `img-src data:`, no
 * `blob:` (and there is no object URL to revoke).
 */
export async function renderQrDataUrl(bytes: ArrayLike<number>, size = 256): Promise<string> {
  const png = await renderQrPng(bytes, size);
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string); // readAsDataURL: a string
    reader.onerror = () => reject(reader.error ?? new Error('the QR code could not be read back'));
    reader.readAsDataURL(png);
  });
}

/** Decodes a QR code from RGBA pixels; returns its bytes, or null when no code is found. */
export async function decodeQrPixels(data: Uint8ClampedArray, width: number, height: number): Promise<Uint8ClampedArray | null> {
  const jsQR = await loadJsQr();
  const code = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
  return code && code.binaryData.length ? new Uint8ClampedArray(code.binaryData) : null;
}

/** Thrown when the chosen file is not an image the browser can read. */
export class NotAnImageError extends Error {
  override readonly name = 'NotAnImageError';
  constructor() {
    super('the file is not a readable image');
  }
}

/** Largest side (px) an image is scaled to before decoding: phone photos are large and jsqr is linear in pixels. */
const MAX_SIDE = 1200;

/** Decodes a QR code from an image file (a photo or screenshot of the other device's code). */
export async function decodeQrImage(file: Blob): Promise<Uint8ClampedArray | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new NotAnImageError();
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0, w, h);
    return await decodeQrPixels(ctx.getImageData(0, 0, w, h).data, w, h);
  } finally {
    bitmap.close();
  }
}

export type CameraProblem = 'denied' | 'no-camera' | 'in-use' | 'unsupported' | 'failed';

/** What went wrong opening the camera, for people. */
export function cameraProblemOf(e: unknown): CameraProblem {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  if (name === 'TypeError') return 'unsupported';
  return 'failed';
}

export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

/**
 * Scans the camera into `video` until a QR code is found (resolves with its bytes) or `signal` aborts
 * (rejects with AbortError). The camera is always released at the end.
 */
export async function scanWithCamera(video: HTMLVideoElement, signal: AbortSignal): Promise<Uint8ClampedArray> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  const release = () => {
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  };
  if (signal.aborted) {
    release();
    throw new DOMException('aborted', 'AbortError');
  }
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    for (;;) {
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (w && h) {
        const scale = Math.min(1, 800 / Math.max(w, h));
        canvas.width = Math.round(w * scale);
        canvas.height = Math.round(h * scale);
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const bytes = await decodeQrPixels(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        if (bytes) return bytes;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    release();
  }
}
