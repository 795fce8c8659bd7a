import { XsNewPassphrase } from '../components/new-passphrase/new-passphrase.js';

XsNewPassphrase.define('xs-new-passphrase');

export { XsNewPassphrase };

declare global {
  interface HTMLElementTagNameMap {
    'xs-new-passphrase': XsNewPassphrase;
  }
}
