import { XsSessionList } from '../components/session-list/session-list.js';

XsSessionList.define('xs-session-list');

export { XsSessionList };

declare global {
  interface HTMLElementTagNameMap {
    'xs-session-list': XsSessionList;
  }
}
