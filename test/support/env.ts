declare global {
  interface Window {
    __XS_ENV__?: { homeserverUrl?: string };
  }
}

/** The homeserver the e2e tests use. Missing → the tests fail (never skip). */
export function homeserverUrl(): string {
  const url = window.__XS_ENV__?.homeserverUrl;
  if (!url) throw new Error('No homeserver: run the e2e tests through `npm test` (it starts Synapse) or set XS_HOMESERVER_URL.');
  return url.replace(/\/+$/, '');
}
