import { XsStatus } from '../components/status/status.js';

if (!customElements.get('xs-status')) customElements.define('xs-status', XsStatus);

export { XsStatus };

declare global {
  interface HTMLElementTagNameMap {
    'xs-status': XsStatus;
  }
}
