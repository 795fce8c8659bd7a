// The words of <xs-session-list> for the render in progress: terms in its language (those without arguments looked
// up once per render), relative times, and the device kind and client of a user agent.
import { translate } from '../../i18n/registry.js';
import { clientLineOf, formatsOf, relativeTime, type ClientLine, type Formats } from './session-list-format.js';
import { sessionListStrings as S } from './session-list.strings.js';

export class ListWords {
  /** Language of the render in progress (looked up once per render, not per row). */
  lang = 'en';
  private textCache = new Map<string, string>();

  /** A render starts: its language, and terms looked up afresh. */
  begin(lang: string): void {
    this.lang = lang;
    this.textCache.clear();
  }

  /** A term in the render's language; terms without arguments are looked up once per render. */
  tr<K extends keyof typeof S.en>(key: K, ...args: Parameters<typeof S.en[K] extends (...a: never[]) => string ? typeof S.en[K] : () => string>): string {
    if (args.length) return (translate as (l: string, s: typeof S, k: string, ...a: unknown[]) => string)(this.lang, S, key, ...args);
    let v = this.textCache.get(key);
    if (v === undefined) this.textCache.set(key, (v = (translate as (l: string, s: typeof S, k: string) => string)(this.lang, S, key)));
    return v;
  }

  /** The Intl formatters of the render's language (see `formatsOf`). */
  formats(): Formats {
    return formatsOf(this.lang);
  }

  /** Relative time of `ts` at `now` ("3 days ago"). */
  relative(ts: number, now: number): string {
    return relativeTime(this.formats(), ts, now);
  }

  /** The device kind and client of a user agent, in the render's language (memoised per agent in `cache`). */
  clientLine(ua: string | null, cache?: Map<string, ClientLine>): ClientLine {
    const key = ua ?? '';
    let line = cache?.get(key);
    if (line) return line;
    line = clientLineOf(ua, (key, ...args) => (key === 'clientOn' ? this.tr('clientOn', args[0], args[1]) : this.tr(key)));
    cache?.set(key, line);
    return line;
  }
}
