import { XsAuthPrompt } from '../components/auth-prompt/auth-prompt.js';

if (!customElements.get('xs-auth-prompt')) customElements.define('xs-auth-prompt', XsAuthPrompt);

export { XsAuthPrompt };

declare global {
  interface HTMLElementTagNameMap {
    'xs-auth-prompt': XsAuthPrompt;
  }
}
