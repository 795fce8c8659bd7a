import { XsClientProvider } from '../components/client-provider/client-provider.js';

if (!customElements.get('xs-client-provider')) customElements.define('xs-client-provider', XsClientProvider);

export { XsClientProvider };

declare global {
  interface HTMLElementTagNameMap {
    'xs-client-provider': XsClientProvider;
  }
}
