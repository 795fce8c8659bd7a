import { XsSessionList } from '../components/session-list/session-list.js';
import './xs-auth-prompt.js'; // the sign-out panel renders <xs-auth-prompt>

XsSessionList.define('xs-session-list');

export { XsSessionList };

declare global {
  interface HTMLElementTagNameMap {
    'xs-session-list': XsSessionList;
  }
}
