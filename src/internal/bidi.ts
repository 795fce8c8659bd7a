/**
 * `s` as a Unicode isolate (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE) for a sentence built by a translation:
 * an id inside text of either direction keeps its own order — `@bob:example.org` does not become `bob:example.org@`
 * in an Arabic or Hebrew sentence, and its neutral characters do not reorder the words around it. For ids the
 * templates render themselves, `<bdi>` does the same (untrusted-html.ts).
 */
export function isolate(s: string): string {
  return `\u2068${s}\u2069`;
}
