import { XsRoomTrust } from '../components/room-trust/room-trust.js';
import './xs-verify-user.js'; // Verify opens <xs-verify-user> inline

XsRoomTrust.define('xs-room-trust');

export { XsRoomTrust };

declare global {
  interface HTMLElementTagNameMap {
    'xs-room-trust': XsRoomTrust;
  }
}
