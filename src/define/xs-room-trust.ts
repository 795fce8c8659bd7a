import { XsRoomTrust } from '../components/room-trust/room-trust.js';

XsRoomTrust.define('xs-room-trust');

export { XsRoomTrust };

declare global {
  interface HTMLElementTagNameMap {
    'xs-room-trust': XsRoomTrust;
  }
}
