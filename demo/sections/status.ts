// Demo section for <xs-status>: the own account's status, and another user's trust, with their events.
// The request events are routed to the other demo sections when they are on the page (the host's job);
// otherwise they stay unhandled and the element explains what to do instead.
import '../../src/define/xs-status.js';
import { sectionFrame, type DemoContext, type DemoSection } from './section.js';

const SNIPPET = `<xs-status></xs-status>                      <!-- this account and this session -->
<xs-status user-id="@bob:example.org"></xs-status>  <!-- another person's trust -->
<script type="module">
  import 'xs-kit/define/xs-status.js';
  status.addEventListener('xs-status-change', (e) => badge.dataset.state = e.state);
  status.addEventListener('xs-request-setup', (e) => { e.preventDefault(); openSetupWizard(); });
  status.addEventListener('xs-request-verify', (e) => { e.preventDefault(); openVerification(e.subject, e.userId); });
  status.addEventListener('xs-request-backup', (e) => { e.preventDefault(); openSetupWizard(); });
  status.addEventListener('xs-request-reset', (e) => { e.preventDefault(); openSetupWizard('reset'); });
  status.addEventListener('xs-request-key-storage', (e) => { e.preventDefault(); openKeyStorage(e.action); });
</script>
<style> xs-status:state(ready)::part(base) { border-color: green; } </style>`;

/** Routes a request to a demo element on the page: preventDefault() only when something takes it. */
function route(e: Event, tag: string, mode?: string) {
  const target = document.querySelector<HTMLElement & { mode?: string }>(tag);
  if (!target) return;
  e.preventDefault();
  if (mode) target.mode = mode;
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.focus();
}

export const statusSection: DemoSection = {
  render(_ctx: DemoContext) {
    const wrap = document.createElement('div');
    const own = document.createElement('xs-status');
    own.addEventListener('xs-request-setup', (e) => route(e, 'xs-setup-wizard', 'setup'));
    own.addEventListener('xs-request-backup', (e) => route(e, 'xs-setup-wizard', 'setup'));
    own.addEventListener('xs-request-reset', (e) => route(e, 'xs-setup-wizard', 'reset'));
    own.addEventListener('xs-request-verify', (e) => route(e, 'xs-verify-login'));
    own.addEventListener('xs-request-key-storage', (e) => route(e, 'xs-key-storage', e.action === 'check-key' ? 'check-key' : 'backup'));

    const form = document.createElement('form');
    const label = document.createElement('label');
    label.textContent = 'Another user ';
    const input = document.createElement('input');
    input.placeholder = '@someone:localhost';
    input.autocomplete = 'off';
    const show = document.createElement('button');
    show.textContent = 'Show trust';
    label.append(input);
    form.append(label, show);
    const other = document.createElement('xs-status');
    other.hidden = true;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      other.userId = input.value.trim();
      other.hidden = !other.userId;
    });
    wrap.append(own, form, other);
    return sectionFrame('Where you stand — <xs-status>', SNIPPET, wrap, [
      'xs-status-change',
      'xs-request-setup',
      'xs-request-verify',
      'xs-request-backup',
      'xs-request-reset',
      'xs-request-key-storage',
      'xs-identity-accepted',
      'xs-error',
    ]);
  },
};
