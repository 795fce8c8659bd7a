import { XsVerifyLogin } from '../components/verify-login/verify-login.js';

if (!customElements.get('xs-verify-login')) customElements.define('xs-verify-login', XsVerifyLogin);

export { XsVerifyLogin };

declare global {
  interface HTMLElementTagNameMap {
    'xs-verify-login': XsVerifyLogin;
  }
}
