import { ContextProvider, createContext } from '@lit/context';
import type { MatrixClient } from 'matrix-js-sdk';

/**
 * The context every xs-* element consumes (subscribed). Its key is the string `xs-matrix-client`,
 * so any context-protocol provider — ours, a host framework's, or two copies of this kit — interoperates.
 */
export const matrixClientContext = createContext<MatrixClient | undefined>('xs-matrix-client');

export interface MatrixClientProvision {
  /** Hands a new client (or none) to every consuming descendant; they re-subscribe. */
  setClient(client: MatrixClient | undefined): void;
  readonly client: MatrixClient | undefined;
}

/**
 * Makes `element` (any HTMLElement: a page container, a framework's root node) provide `client`
 * to all xs-* elements below it.
 */
export function provideMatrixClient(element: HTMLElement, client?: MatrixClient): MatrixClientProvision {
  const provider = new ContextProvider(element, { context: matrixClientContext, initialValue: client });
  return {
    setClient(next) {
      provider.setValue(next, true);
    },
    get client() {
      return provider.value;
    },
  };
}
