import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { matrixClientContext } from '../../context/index.js';

/**
 * @summary Hands a MatrixClient to every xs-* element inside it.
 * @tag xs-client-provider
 * @slot - The elements (and any other content) that use the client.
 *
 * ```html
 * <xs-client-provider id="p"><xs-status></xs-status></xs-client-provider>
 * <script type="module">document.getElementById('p').client = matrixClient;</script>
 * ```
 */
export class XsClientProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client to provide. Changing it makes every consumer re-subscribe. */
  @property({ attribute: false }) client?: MatrixClient;

  private readonly provider = new ContextProvider(this, { context: matrixClientContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.provider.setValue(this.client, true);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
