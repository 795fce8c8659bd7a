// User-interactive auth: reading the homeserver's 401 challenges. Duck-typed on MatrixError's shape.
import type { AuthDict, MatrixClient } from 'matrix-js-sdk';

export type { AuthDict };

/** The body of a UIA 401: what the server wants next. */
export interface UiaChallenge {
  session?: string;
  flows: { stages: string[] }[];
  params: Record<string, Record<string, unknown>>;
  completed: string[];
  /** Set when a submitted stage failed (e.g. M_FORBIDDEN for a wrong password). */
  errcode?: string;
  error?: string;
}

/** The UIA challenge carried by `e`, or null when `e` is not a UIA 401. */
export function uiaChallengeOf(e: unknown): UiaChallenge | null {
  const err = e as { httpStatus?: number; data?: Record<string, unknown> } | null;
  if (!err || err.httpStatus !== 401 || !err.data || !Array.isArray(err.data['flows'])) return null;
  const d = err.data;
  return {
    ...(typeof d['session'] === 'string' ? { session: d['session'] } : {}),
    flows: (d['flows'] as { stages?: unknown }[]).map((f) => ({ stages: Array.isArray(f.stages) ? f.stages.map(String) : [] })),
    params: (d['params'] as UiaChallenge['params']) ?? {},
    completed: Array.isArray(d['completed']) ? d['completed'].map(String) : [],
    ...(typeof d['errcode'] === 'string' ? { errcode: d['errcode'] } : {}),
    ...(typeof d['error'] === 'string' ? { error: d['error'] } : {}),
  };
}

/** The homeserver's fallback page for a stage (SSO and anything the kit can't do inline). */
export function fallbackAuthUrl(client: MatrixClient, stage: string, session: string): string {
  return client.getFallbackAuthUrl(stage, session);
}

/** True when the server no longer knows the UIA session (expired): the flow restarts with a fresh one. */
export function isUnknownUiaSession(e: unknown): boolean {
  const err = e as { httpStatus?: number; errcode?: string; data?: { errcode?: string; error?: string } } | null;
  if (!err || typeof err.httpStatus !== 'number' || err.httpStatus < 400 || err.httpStatus >= 500 || err.httpStatus === 401) return false;
  const text = `${err.data?.error ?? ''}`;
  return /session/i.test(text) && /(unknown|not exist|does not exist|expired|no such)/i.test(text);
}
