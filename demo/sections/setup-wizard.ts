// Demo section for <xs-setup-wizard>: pick a mode, run it on the connected account, watch its events.
import '../../src/define/xs-setup-wizard.js';
import { sectionFrame, type DemoContext, type DemoSection } from './section.js';

const SNIPPET = `<!-- the client must be created with cryptoCallbacks: createSecretStorageCallbacks() -->
<xs-setup-wizard mode="setup"></xs-setup-wizard>   <!-- or mode="change-key" | "reset" -->
<script type="module">
  import 'xs-kit/define/xs-setup-wizard.js';
  wizard.addEventListener('xs-setup-dismissed', () => prefs.set('setup-later', Date.now())); // "Don't ask me again" is yours to keep
  wizard.addEventListener('xs-request-verify', (e) => { e.preventDefault(); openVerification(); });
  wizard.addEventListener('xs-request-sessions', (e) => { e.preventDefault(); openSessionList(); });
  wizard.addEventListener('xs-setup-closed', () => wizard.hidden = true); // Done on the last step
  // "You're all set" comes only after the wizard read the end state back from the server.
</script>`;

export const setupWizardSection: DemoSection = {
  render(_ctx: DemoContext) {
    const wrap = document.createElement('div');
    const label = document.createElement('label');
    label.textContent = 'Mode ';
    const select = document.createElement('select');
    for (const m of ['setup', 'change-key', 'reset']) {
      const o = document.createElement('option');
      o.value = m;
      o.textContent = m;
      select.append(o);
    }
    label.append(select);
    const wizard = document.createElement('xs-setup-wizard');
    select.addEventListener('change', () => (wizard.mode = select.value as typeof wizard.mode));
    const restart = document.createElement('button');
    restart.type = 'button';
    restart.textContent = 'Restart the wizard';
    restart.addEventListener('click', () => wizard.restart());
    wrap.append(label, ' ', restart, wizard);
    const frame = sectionFrame('Set up, change key, reset — <xs-setup-wizard>', SNIPPET, wrap, [
      'xs-setup-complete',
      'xs-setup-dismissed',
      'xs-setup-closed',
      'xs-request-verify',
      'xs-request-export',
      'xs-request-sessions',
      'xs-error',
    ]);
    return frame;
  },
};
