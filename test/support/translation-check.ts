// Compares a language's terms with the English source: missing keys, keys the source doesn't have, and broken
// placeholders. Function terms must take the same number of parameters and use the same ones (probed by calling
// both with marker values); string terms must keep the same `{name}`-style placeholders.
import type { Term } from '../../src/i18n/registry.js';

export interface TranslationProblems {
  missing: string[];
  extra: string[];
  placeholders: string[];
}

/** Marker values: small primes (never formatted with grouping, plural category `other` in en/de/fr). */
const PROBES = [211, 223, 227, 229, 233, 239];

/** Which parameters a function term puts into its text (by position), or why it could not be probed. */
function used(fn: (...a: unknown[]) => string, arity: number): Set<number> | string {
  const tryWith = (args: unknown[], markers: string[]) => {
    const out = fn(...args);
    return new Set(markers.flatMap((m, i) => (out.includes(m) ? [i] : [])));
  };
  try {
    return tryWith(PROBES.slice(0, arity), PROBES.slice(0, arity).map(String));
  } catch {
    const markers = Array.from({ length: arity }, (_, i) => `⟦${i}⟧`);
    try {
      return tryWith(markers, markers);
    } catch (e) {
      return `throws (${String(e)})`;
    }
  }
}

const braces = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

export function checkTranslation(source: ReadonlyMap<string, Term>, terms: Readonly<Record<string, Term>>): TranslationProblems {
  const missing = [...source.keys()].filter((k) => !(k in terms));
  const extra = Object.keys(terms).filter((k) => !source.has(k));
  const placeholders: string[] = [];
  for (const [key, en] of source) {
    const t = terms[key];
    if (t === undefined) continue;
    if (typeof en !== typeof t) {
      placeholders.push(`${key}: ${typeof t === 'function' ? 'a function' : 'a string'} where English has ${typeof en === 'function' ? 'a function' : 'a string'}`);
    } else if (typeof en === 'function' && typeof t === 'function') {
      if (t.length !== en.length) placeholders.push(`${key}: takes ${t.length} arguments, English ${en.length}`);
      const a = used(en as (...a: unknown[]) => string, en.length);
      const b = used(t as (...a: unknown[]) => string, en.length);
      if (typeof b === 'string') placeholders.push(`${key}: ${b}`);
      else if (typeof a !== 'string' && [...a].sort().join() !== [...b].sort().join()) {
        placeholders.push(`${key}: uses arguments [${[...b].sort().join()}], English [${[...a].sort().join()}]`);
      }
    } else if (braces(String(en)) !== braces(String(t))) {
      placeholders.push(`${key}: placeholders {${braces(String(t))}}, English {${braces(String(en))}}`);
    }
  }
  return { missing, extra, placeholders };
}

/** The problems as one readable message (each missing key on its own line, for whoever adds them). */
export function describeProblems(lang: string, p: TranslationProblems): string {
  const part = (title: string, list: string[]) => (list.length ? `\n${lang}: ${list.length} ${title}:\n  ${list.join('\n  ')}` : '');
  return `${part('missing keys', p.missing)}${part('keys the English source does not have', p.extra)}${part('broken placeholders', p.placeholders)}`;
}
