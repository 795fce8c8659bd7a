import { XsSetupWizard } from '../components/setup-wizard/setup-wizard.js';

if (!customElements.get('xs-setup-wizard')) customElements.define('xs-setup-wizard', XsSetupWizard);

export { XsSetupWizard };

declare global {
  interface HTMLElementTagNameMap {
    'xs-setup-wizard': XsSetupWizard;
  }
}
