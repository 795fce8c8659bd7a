// Looking up the words of <xs-session-list>'s later parts (session-actions.strings.ts), loaded with them.
import { translate } from '../../i18n/registry.js';
import { sessionActionStrings as A } from './session-actions.strings.js';

type Terms = typeof A.en;
type Args<K extends keyof Terms> = Terms[K] extends (...a: infer P) => string ? P : [];

/** A term of these parts in the list's language. */
export function ta<K extends keyof Terms>(c: { renderLang: string }, key: K, ...args: Args<K>): string {
  return (translate as (l: string, s: typeof A, k: string, ...a: unknown[]) => string)(c.renderLang, A, key, ...args);
}
