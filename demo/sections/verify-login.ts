// <xs-verify-login>: verify this session, verify another of your sessions by id, and answer requests
// other sessions send to this one.
import '../../src/define/xs-verify-login.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { sectionFrame, type DemoSection } from './section.js';

const snippet = `<!-- verify THIS session (asks your other sessions, or takes the Security Key / Phrase) -->
<xs-verify-login></xs-verify-login>

<!-- verify your OTHER session ABC (this session sends the request) -->
<xs-verify-login device-id="ABC"></xs-verify-login>

<!-- answer a request another session sent (CryptoEvent.VerificationRequestReceived) -->
<xs-verify-login .request=\${request}></xs-verify-login>

<script type="module">
  import { onVerificationRequest } from 'xs-kit';
  onVerificationRequest(client, (request) => {
    const el = document.createElement('xs-verify-login');
    el.request = request;
    document.body.append(el);
  });
  addEventListener('xs-verified', (e) => console.log('verified', e.userId, e.deviceId));
  addEventListener('xs-verification-cancelled', (e) => console.log(e.code, e.reason, e.byUs));
  // "I lost my Security Key" → warning → "Continue to reset": open your reset
  addEventListener('xs-request-reset', (e) => { e.preventDefault(); openSetupWizard('reset'); });
</script>
<!-- For the Security Key path, create the client with
     createClient({ cryptoCallbacks: createSecretStorageCallbacks(), … }) -->`;

export const verifyLoginSection: DemoSection = {
  render({ client }) {
    const wrap = document.createElement('div');

    const self = document.createElement('xs-verify-login');
    self.client = client;
    // The Security Key path's way out for a lost key: the setup wizard's reset, when it is on the page.
    self.addEventListener('xs-request-reset', (e) => {
      const wizard = document.querySelector('xs-setup-wizard');
      if (!wizard) return; // unhandled: the element says the app offers no reset here
      e.preventDefault();
      wizard.mode = 'reset';
      wizard.scrollIntoView({ behavior: 'smooth', block: 'center' });
      wizard.focus();
    });

    const form = document.createElement('form');
    const label = document.createElement('label');
    label.textContent = 'Verify another of your sessions (device ID) ';
    const input = document.createElement('input');
    input.name = 'device-id';
    input.required = true;
    input.autocomplete = 'off';
    label.append(input);
    const go = document.createElement('button');
    go.type = 'submit';
    go.textContent = 'Verify that session';
    form.append(label, go);
    const other = document.createElement('div');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const el = document.createElement('xs-verify-login');
      el.client = client;
      el.deviceId = input.value.trim();
      other.replaceChildren(el);
    });

    const incomingHeading = document.createElement('h3');
    incomingHeading.textContent = 'Requests from your other sessions';
    const incoming = document.createElement('div');
    const none = document.createElement('p');
    none.textContent = 'None yet. Sign in to this account elsewhere and ask to verify: the request shows up here.';
    incoming.append(none);
    onVerificationRequest(client, (request) => {
      const el = document.createElement('xs-verify-login');
      el.client = client;
      el.request = request;
      none.remove();
      incoming.prepend(el);
    });

    wrap.append(self, form, other, incomingHeading, incoming);
    return sectionFrame('Verify a login — <xs-verify-login>', snippet, wrap, ['xs-verified', 'xs-verification-cancelled', 'xs-request-reset']);
  },
};
