// The demo page, the kit's front door: one click makes a fresh account with two sessions side by side (each a real
// client with its own panel and elements), a second account for verifying another person, the event log, the theme
// and its tokens. Below, every element on its own (demo/sections/<name>.ts, listed in `sections`) for the left session.
import type { MatrixClient } from 'matrix-js-sdk';
import '../src/define/xs-client-provider.js';
import { homeserverUrl } from './env.js';
import { logIn, registerAccount, startClient, type DemoAccount, type Login } from './front-door/accounts.js';
import { startEventLog } from './front-door/event-log.js';
import { Panel } from './front-door/panel.js';
import { initLanguage } from './front-door/language.js';
import { initTheme } from './front-door/theme.js';
import type { DemoSection } from './sections/section.js';
import { setupWizardSection } from './sections/setup-wizard.js';
import { verifyLoginSection } from './sections/verify-login.js';
import { statusSection } from './sections/status.js';
import { keyTransferSection } from './sections/key-transfer.js';
import { keyStorageSection } from './sections/key-storage.js';
import { sessionListSection } from './sections/session-list.js';
import { verifyUserSection } from './sections/verify-user.js';
import { roomTrustSection } from './sections/room-trust.js';

const sections: DemoSection[] = [
  statusSection,
  setupWizardSection,
  verifyLoginSection,
  verifyUserSection,
  roomTrustSection,
  keyStorageSection,
  keyTransferSection,
  sessionListSection,
];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const connected = $<HTMLParagraphElement>('#connected');
const panelsHost = $<HTMLDivElement>('#panels');
const startButton = $<HTMLButtonElement>('#start-two');
const personButton = $<HTMLButtonElement>('#add-person');
$<HTMLInputElement>('#homeserver').value = homeserverUrl;
$<HTMLElement>('#hs-name').textContent = homeserverUrl;

initLanguage($('#language'));
initTheme($('#theme'), $('#token-editor'), $('#token-css'), $('#copy-css'), $('#reset-tokens'));
void startEventLog($('#events')).then((clear) => $<HTMLButtonElement>('#clear-log').addEventListener('click', clear));

const panels: Panel[] = [];
let main: { account: DemoAccount; client: MatrixClient } | undefined;

function addPanel(name: string, account: DemoAccount, login: Login, client: MatrixClient): Panel {
  const panel: Panel = new Panel({
    name,
    client,
    userId: login.user_id,
    deviceId: login.device_id,
    others: (): Panel[] => panels.filter((p) => p !== panel),
    people: () => [...new Set(panels.map((p) => p.root.dataset.user!))].filter((u) => u !== account.userId),
  });
  panel.root.dataset.user = account.userId;
  panels.push(panel);
  panelsHost.append(panel.root);
  for (const p of panels) p.renderToolbar();
  return panel;
}

/** Both sessions of the main account: `first` is already logged in; the second logs in with the same password. */
async function openTwoSessions(account: DemoAccount, first: Login) {
  for (const p of panels.splice(0)) {
    p.client.stopClient();
    p.root.remove();
  }
  connected.textContent = 'Starting two sessions…';
  const second = await logIn(account.baseUrl, account.userId, account.password!, 'xs-kit demo (right)');
  const [left, right] = await Promise.all([startClient(account.baseUrl, first), startClient(account.baseUrl, second)]);
  addPanel('Left', account, first, left);
  addPanel('Right', account, second, right);
  main = { account, client: left };
  connected.textContent = `${account.userId}, two sessions: ${first.device_id} (left) and ${second.device_id} (right).` +
    (account.password ? ` Password for another tab or browser: ${account.password}` : '');
  personButton.hidden = false;
  renderSections();
  panels[0].root.querySelector('h2')?.scrollIntoView({ block: 'start' });
}

async function busy(button: HTMLButtonElement, work: () => Promise<void>, what: string) {
  if (button.disabled) return; // one at a time: a double click joins the running one
  button.disabled = true;
  try {
    await work();
  } catch (err) {
    connected.textContent = `Could not ${what}: ${(err as Error).message}`;
  } finally {
    button.disabled = false;
  }
}

startButton.addEventListener('click', () =>
  void busy(startButton, async () => {
    connected.textContent = 'Creating an account…';
    const { account, login } = await registerAccount(homeserverUrl, 'xs-kit demo (left)');
    await openTwoSessions(account, login);
  }, 'create the account'));

const form = $<HTMLFormElement>('#login-form');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const field = (name: string) => data.get(name) as string; // text inputs
  const baseUrl = field('homeserver').replace(/\/+$/, '');
  const password = field('password');
  void busy(form.querySelector('button')!, async () => {
    const first = await logIn(baseUrl, field('user'), password, 'xs-kit demo (left)');
    await openTwoSessions({ baseUrl, userId: first.user_id, password }, first);
  }, 'log in');
});

personButton.addEventListener('click', () =>
  void busy(personButton, async () => {
    if (!main) return;
    const { account, login } = await registerAccount(main.account.baseUrl, 'xs-kit demo (other person)');
    const client = await startClient(account.baseUrl, login);
    addPanel('Other person', account, login, client);
    connected.textContent = `Another person: ${account.userId}. Set up encryption for them too, then verify each other.`;
  }, 'add another person'));

/** The per-element sections, for the left session, rendered when first opened. */
function renderSections() {
  const details = $<HTMLDetailsElement>('#every-element');
  const render = () => {
    if (!main || !details.open) return;
    const provider = $<HTMLElementTagNameMap['xs-client-provider']>('#provider');
    provider.client = main.client;
    const host = $<HTMLDivElement>('#sections');
    host.replaceChildren(...sections.map((s) => s.render({ client: main!.client, baseUrl: main!.account.baseUrl, userId: main!.account.userId, password: main!.account.password })));
  };
  details.ontoggle = render;
  render();
}
