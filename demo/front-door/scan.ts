// "Scan from the other panel": what a phone camera would do between two screens. Takes the QR code the other panel
// shows and hands it, as a picture, to this panel's "choose a picture" field — the element's own scan path.
// (A demo convenience: it reaches into the elements' shadow roots, which a host app never needs to do.)

/** Every element matching `selector` under `root`, through open shadow roots. */
function deepAll<T extends Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll<T>(el.shadowRoot, selector));
  return found;
}

/** A data: URL's bytes as a File (no fetch: a strict connect-src does not list data:). */
function fileOf(dataUrl: string): File {
  const [head, body] = dataUrl.split(',', 2) as [string, string];
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'image/png';
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new File([bytes], 'qr-code.png', { type });
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Returns what happened, for the panel's status line. */
export async function scanFromOtherPanel(panel: HTMLElement, others: HTMLElement[]): Promise<string> {
  const img = others.flatMap((o) => deepAll<HTMLImageElement>(o, 'img[part~="qr-code"]'))[0];
  if (!img?.src.startsWith('data:')) return 'No QR code is showing in the other panel yet: start a verification and choose how to verify there.';
  let input = deepAll<HTMLInputElement>(panel, 'input[type=file][accept^="image"]')[0];
  if (!input) {
    const scan = deepAll<HTMLButtonElement>(panel, 'button').find((b) => b.textContent?.trim() === 'Scan their code');
    if (!scan) return 'Nothing to scan with here yet: this panel needs a verification at its "Choose how to verify" step.';
    scan.click();
    for (let i = 0; i < 20 && !input; i++) {
      await frame();
      input = deepAll<HTMLInputElement>(panel, 'input[type=file][accept^="image"]')[0];
    }
    if (!input) return 'The scan step did not open.';
  }
  const dt = new DataTransfer();
  dt.items.add(fileOf(img.src));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return 'Scanned the other panel’s QR code.';
}
