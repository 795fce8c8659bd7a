// One session's panel on the front door: its own client, its own <xs-client-provider>, its status, the requests it
// receives, and the tools a person opens (setup, verify, export / import, sessions, reset). The elements' request
// events are answered here, the way a host app answers them.
import { HttpApiEvent, RoomEvent, type MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-client-provider.js';
import '../../src/define/xs-status.js';
import '../../src/define/xs-setup-wizard.js';
import '../../src/define/xs-verify-login.js';
import '../../src/define/xs-verify-user.js';
import '../../src/define/xs-verification-requests.js';
import '../../src/define/xs-key-transfer.js';
import '../../src/define/xs-session-list.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import { scanFromOtherPanel } from './scan.js';

export type Tool =
  | { kind: 'setup' | 'reset' | 'verify-self' | 'export' | 'import' | 'sessions' }
  | { kind: 'verify-session'; deviceId: string }
  | { kind: 'verify-user'; userId: string };

export interface PanelInit {
  /** Short name shown in the heading and the event log ("Left", "Right", "Other person"). */
  name: string;
  client: MatrixClient;
  userId: string;
  deviceId: string;
  /** The other panels (for "Scan from the other panel"). */
  others: () => Panel[];
  /** People this panel can verify (the other account's user, once there is one). */
  people: () => string[];
}

function button(label: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}

export class Panel {
  readonly root = document.createElement('section');
  readonly client: MatrixClient;
  private readonly provider = document.createElement('xs-client-provider');
  private readonly tool = document.createElement('div');
  private readonly toolbar = document.createElement('div');
  private readonly note = document.createElement('p');

  constructor(private readonly init: PanelInit) {
    this.client = init.client;
    const id = `panel-${init.name.toLowerCase().replace(/\W+/g, '-')}`;
    this.root.className = 'panel';
    this.root.id = id;
    this.root.dataset.panel = init.name;
    this.root.setAttribute('aria-labelledby', `${id}-h`);
    const h = document.createElement('h2');
    h.id = `${id}-h`;
    h.textContent = `${init.name}: session ${init.deviceId}`;
    const who = document.createElement('p');
    who.className = 'who';
    who.textContent = init.userId;
    this.note.setAttribute('role', 'status');
    this.note.className = 'note';

    this.provider.client = init.client;
    const status = document.createElement('xs-status');
    const requests = document.createElement('xs-verification-requests');
    this.toolbar.className = 'toolbar';
    this.toolbar.setAttribute('role', 'group');
    this.toolbar.setAttribute('aria-label', `${init.name}: tools`);
    this.tool.className = 'tool';
    this.renderToolbar();
    this.provider.append(status, requests, this.toolbar, this.tool);
    this.root.append(h, who, this.note, this.provider);
    this.answerRequests();

    // Verifying another person happens in a DM with them; the one who starts it invites the other. Accepting a chat
    // invite is the host app's job (the kit never joins rooms): this page accepts them at once.
    init.client.on(RoomEvent.MyMembership, (room, membership) => {
      if (membership === 'invite') void init.client.joinRoom(room.roomId).catch((e: Error) => (this.note.textContent = `Could not join ${room.roomId}: ${e.message}`));
    });

    init.client.on(HttpApiEvent.SessionLoggedOut, () => {
      this.note.textContent = 'This session was signed out (from another session). Its client has stopped.';
      this.root.classList.add('signed-out');
      init.client.stopClient();
    });
  }

  /** The tool buttons; called again when the people to verify change. */
  renderToolbar(): void {
    const people = this.init.people().map((userId) => button(`Verify ${userId}`, () => this.open({ kind: 'verify-user', userId })));
    this.toolbar.replaceChildren(
      button('Set up encryption', () => this.open({ kind: 'setup' })),
      button('Verify this session', () => this.open({ kind: 'verify-self' })),
      button('Scan from the other panel', () => void this.scan()),
      ...people,
      button('Export keys', () => this.open({ kind: 'export' })),
      button('Import keys', () => this.open({ kind: 'import' })),
      button('Sessions', () => this.open({ kind: 'sessions' })),
      button('Reset…', () => this.open({ kind: 'reset' }), 'danger'),
    );
  }

  /** Opens one tool in the panel (replacing the open one: its element ends its flow as it leaves the page). */
  open(tool: Tool): HTMLElement {
    let el: HTMLElement;
    switch (tool.kind) {
      case 'setup':
      case 'reset': {
        const w = document.createElement('xs-setup-wizard');
        w.mode = tool.kind === 'reset' ? 'reset' : 'setup';
        el = w;
        break;
      }
      case 'verify-self':
        el = document.createElement('xs-verify-login');
        break;
      case 'verify-session': {
        const v = document.createElement('xs-verify-login');
        v.deviceId = tool.deviceId;
        el = v;
        break;
      }
      case 'verify-user': {
        const v = document.createElement('xs-verify-user');
        v.userId = tool.userId;
        el = v;
        break;
      }
      case 'export':
      case 'import': {
        const k = document.createElement('xs-key-transfer');
        k.mode = tool.kind;
        el = k;
        break;
      }
      case 'sessions':
        el = document.createElement('xs-session-list');
        break;
    }
    el.dataset.tool = tool.kind;
    const close = button('Close', () => {
      this.tool.replaceChildren();
      this.toolbar.querySelector('button')?.focus();
    }, 'link');
    this.tool.replaceChildren(el, close);
    this.note.textContent = '';
    return el;
  }

  /** What a host does with the elements' requests: open the element that does it (after the event, not during it). */
  private answerRequests() {
    const on = (type: string, pick: (e: Event) => Tool | undefined) =>
      this.provider.addEventListener(type, (e) => {
        const tool = pick(e);
        if (!tool) return;
        e.preventDefault();
        queueMicrotask(() => this.open(tool));
      });
    on('xs-request-setup', () => ({ kind: 'setup' }));
    on('xs-request-backup', () => ({ kind: 'setup' }));
    on('xs-request-reset', () => ({ kind: 'reset' }));
    on('xs-request-export', () => ({ kind: 'export' }));
    on('xs-request-sessions', () => ({ kind: 'sessions' }));
    on('xs-request-verify', (e) => {
      const r = e as XsRequestVerifyEvent;
      if (r.request) return undefined; // an incoming request accepted in <xs-verification-requests>: it continues inline
      if (r.subject === 'this-session') return { kind: 'verify-self' };
      if (r.subject === 'own-session' && r.deviceId) return { kind: 'verify-session', deviceId: r.deviceId };
      if (r.subject === 'user' && r.userId) return { kind: 'verify-user', userId: r.userId };
      return undefined;
    });
  }

  private async scan() {
    this.note.textContent = await scanFromOtherPanel(this.root, this.init.others().map((p) => p.root));
  }
}
