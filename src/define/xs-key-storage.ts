import { XsKeyStorage } from '../components/key-storage/key-storage.js';

if (!customElements.get('xs-key-storage')) customElements.define('xs-key-storage', XsKeyStorage);

export { XsKeyStorage };

declare global {
  interface HTMLElementTagNameMap {
    'xs-key-storage': XsKeyStorage;
  }
}
