import { XsKeyTransfer } from '../components/key-transfer/key-transfer.js';

XsKeyTransfer.define('xs-key-transfer');

export { XsKeyTransfer };

declare global {
  interface HTMLElementTagNameMap {
    'xs-key-transfer': XsKeyTransfer;
  }
}
