// Styles the elements adopt only when a lazily loaded part arrives (XsElement `adoptLateStyles`): not in any
// element's static `styles`, so the style checks (logical CSS, theme tokens) read them from here too.
import type { CSSResultOrNative } from 'lit';

/** Every lazily adopted style, by where it comes from. */
export async function lateStyles(): Promise<Record<string, readonly CSSResultOrNative[]>> {
  const [rows, steps] = await Promise.all([
    import('../../src/components/verification-requests/verification-requests.rows.js'),
    import('../../src/internal/verification-steps.js'),
  ]);
  return { 'verification-requests rows': rows.rowStyles, 'verification steps': steps.stepStyles };
}
