import { num } from './plural.js';
import type { Failure, FailureKind } from '../sdk/errors.js';
import { defineStrings, translate, type Term } from './registry.js';

/** `unknown-token` → `unknownToken`: a failure kind's term. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** People-facing wording of a Failure, shared by every element. */
export const errorStrings = defineStrings('error', {
  network: 'The homeserver could not be reached. Check your connection and try again.',
  rateLimited: 'The homeserver asked us to slow down. Try again in a moment.',
  rateLimitedFor: (seconds: number) => `The homeserver asked us to slow down. You can try again in ${num(seconds)} s.`,
  server: (status: number) => `The homeserver had a problem (error ${status}). Try again later.`,
  unknownToken: 'This session has been signed out. Sign in again to continue.',
  forbidden: 'The homeserver refused this.',
  notFound: 'The homeserver could not find what was asked for.',
  badRequest: (status: number) => `The homeserver rejected the request (error ${status}).`,
  timeout: 'This is taking too long. Check your connection and try again.',
  aborted: 'Cancelled.',
  clientStopped: 'The Matrix client was stopped.',
  unknown: 'Something went wrong.',
} satisfies Record<Camel<FailureKind>, Term> & Record<string, Term>);

/** One sentence that explains `failure` in `lang`: the term named after its kind, with the wait or the status it names. */
export function explainFailure(lang: string, f: Failure): string {
  const k = f.kind;
  if (k === 'rate-limited' && f.retryAfterMs !== undefined) return translate(lang, errorStrings, 'rateLimitedFor', Math.ceil(f.retryAfterMs / 1000));
  if (k === 'server') return translate(lang, errorStrings, k, f.httpStatus ?? 500);
  if (k === 'bad-request') return translate(lang, errorStrings, 'badRequest', f.httpStatus ?? 400);
  const key = k.replace(/-(.)/g, (_, c: string) => c.toUpperCase()) as Exclude<Camel<FailureKind>, 'server' | 'badRequest'>;
  return translate(lang, errorStrings, key in errorStrings.en ? key : 'unknown');
}
