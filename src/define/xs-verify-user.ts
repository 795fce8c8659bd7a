import { XsVerifyUser } from '../components/verify-user/verify-user.js';

if (!customElements.get('xs-verify-user')) customElements.define('xs-verify-user', XsVerifyUser);

export { XsVerifyUser };

declare global {
  interface HTMLElementTagNameMap {
    'xs-verify-user': XsVerifyUser;
  }
}
