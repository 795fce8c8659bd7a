// Where the homeserver manages the account itself, when an OAuth 2.0 / OIDC account service runs it (MAS, the
// Matrix Authentication Service): sessions are then signed out on that service's page, not with a password prompt
// that can never succeed. Read from the homeserver's auth metadata (`GET /_matrix/client/v1/auth_metadata`, spec
// v1.15), its unstable predecessor (MSC2965 `…/org.matrix.msc2965/auth_metadata`), or the older MSC2965 client
// well-known field `org.matrix.msc2965.authentication.account`. All of it is untrusted server data: the URL is only
// ever opened after checkServerUrl (src/internal/safe-url.ts).
import type { MatrixClient } from 'matrix-js-sdk';
import type { Method } from 'matrix-js-sdk/lib/http-api/method.js';
import { checkServerUrl, type UrlRefusal } from '../internal/safe-url.js';

/** The account-management page the homeserver advertises. */
export interface AccountManagement {
  /** As advertised (checked only when a link is built: see `accountManagementLink`). */
  uri: string;
  /** `account_management_actions_supported`, when advertised (undefined: unknown, assume the usual ones). */
  actions?: string[];
}

/** Spec v1.15 action names and their MSC4191 unstable forms. */
const SESSION_END = ['org.matrix.session_end', 'org.matrix.device_delete'];
const SESSIONS_LIST = ['org.matrix.sessions_list', 'org.matrix.devices_list'];

function fromMetadata(m: unknown): AccountManagement | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const uri = (m as Record<string, unknown>)['account_management_uri'];
  if (typeof uri !== 'string' || !uri) return undefined;
  const acts = (m as Record<string, unknown>)['account_management_actions_supported'];
  const actions = Array.isArray(acts) ? acts.filter((a): a is string => typeof a === 'string') : undefined;
  return actions ? { uri, actions } : { uri };
}

/**
 * True when a failed metadata request means "this server has none" (a 4xx answer such as 404 M_UNRECOGNIZED, as
 * servers without OAuth delegation answer), false when it means "could not ask" (no answer, a lost answer, 5xx,
 * 408, 429): then nobody knows yet whether an account page exists.
 */
function saysNone(e: unknown): boolean {
  const status = (e as { httpStatus?: unknown } | null)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * The account-management page of `client`'s homeserver, or undefined when it advertises none (password accounts).
 * Rejects (with the first request's error) when no source advertises one and some source could not be asked
 * (network down, answer lost, 5xx, 429): the caller must not take that for "none" and offer a password prompt
 * that may never succeed.
 */
export async function discoverAccountManagement(client: MatrixClient): Promise<AccountManagement | undefined> {
  let unknown: { error: unknown } | undefined;
  for (const prefix of ['/_matrix/client/v1', '/_matrix/client/unstable/org.matrix.msc2965']) {
    try {
      const found = fromMetadata(await client.http.request('GET' as Method, '/auth_metadata', undefined, undefined, { prefix }));
      if (found) return found;
    } catch (e) {
      // M_UNRECOGNIZED / 404 on servers without OAuth delegation: try the next source.
      if (!saysNone(e)) unknown ??= { error: e };
    }
  }
  const wk = client.getClientWellKnown?.()?.['org.matrix.msc2965.authentication'] as Record<string, unknown> | undefined;
  const account = wk?.['account'];
  if (typeof account === 'string' && account) return { uri: account };
  if (unknown) throw unknown.error;
  return undefined;
}

/**
 * The link that hands signing out over to the account page: for one session the spec'd `action` (session end, as
 * the server names it) and `device_id`; for several, the page's session list. `refusal` when the advertised URL
 * must not be opened.
 */
export function accountManagementLink(am: AccountManagement, deviceIds: string[]): { url: string } | { url: ''; refusal: UrlRefusal } {
  const check = checkServerUrl(am.uri);
  if (!check.ok) return { url: '', refusal: check.refusal };
  const pick = (names: string[]) => (am.actions ? names.find((n) => am.actions!.includes(n)) : names[0]);
  const u = new URL(check.url);
  if (deviceIds.length === 1) {
    const action = pick(SESSION_END);
    if (action) {
      u.searchParams.set('action', action);
      u.searchParams.set('device_id', deviceIds[0]);
    }
  } else {
    const action = pick(SESSIONS_LIST);
    if (action) u.searchParams.set('action', action);
  }
  return { url: u.href };
}
