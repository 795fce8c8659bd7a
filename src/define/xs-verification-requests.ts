import { XsVerificationRequests } from '../components/verification-requests/verification-requests.js';

if (!customElements.get('xs-verification-requests')) customElements.define('xs-verification-requests', XsVerificationRequests);

export { XsVerificationRequests };

declare global {
  interface HTMLElementTagNameMap {
    'xs-verification-requests': XsVerificationRequests;
  }
}
