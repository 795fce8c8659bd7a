import { num } from './plural.js';
import type { Failure } from '../sdk/errors.js';
import { defineStrings, translate } from './registry.js';

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
});

/** One sentence that explains `failure` in `lang`. */
export function explainFailure(lang: string, f: Failure): string {
  switch (f.kind) {
    case 'network': return translate(lang, errorStrings, 'network');
    case 'rate-limited':
      return f.retryAfterMs !== undefined
        ? translate(lang, errorStrings, 'rateLimitedFor', Math.ceil(f.retryAfterMs / 1000))
        : translate(lang, errorStrings, 'rateLimited');
    case 'server': return translate(lang, errorStrings, 'server', f.httpStatus ?? 500);
    case 'unknown-token': return translate(lang, errorStrings, 'unknownToken');
    case 'forbidden': return translate(lang, errorStrings, 'forbidden');
    case 'not-found': return translate(lang, errorStrings, 'notFound');
    case 'bad-request': return translate(lang, errorStrings, 'badRequest', f.httpStatus ?? 400);
    case 'timeout': return translate(lang, errorStrings, 'timeout');
    case 'aborted': return translate(lang, errorStrings, 'aborted');
    case 'client-stopped': return translate(lang, errorStrings, 'clientStopped');
    default: return translate(lang, errorStrings, 'unknown');
  }
}
