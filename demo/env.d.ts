/** Served by scripts/start.mjs: the homeserver the demo talks to. */
export declare const homeserverUrl: string;
