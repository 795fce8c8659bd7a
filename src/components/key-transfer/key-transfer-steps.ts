// The export and import flows of <xs-key-transfer> bound to the client (with the key file, room-key SDK calls and
// crypto workers behind them), and <xs-new-passphrase> for the export form: loaded with the steps
// (key-transfer-control.ts) when a person goes past the choice, or prefetched in the first idle moment.
import type { MatrixClient } from 'matrix-js-sdk';
import '../../define/xs-new-passphrase.js';
import { countRoomKeys, exportRoomKeys, importRoomKeys } from '../../sdk/room-keys.js';
import { KeyExportFlow, type ExportStage } from '../../state/key-export.js';
import { KeyImportFlow, type ImportStage } from '../../state/key-import.js';

/** What the flows need from the element. */
export interface FlowHost {
  /** The download's anchor goes here (the element's shadow root). */
  root: Node;
  kdfRounds(): number | undefined;
  exportChanged(s: ExportStage): void;
  importChanged(s: ImportStage): void;
}

export interface BoundFlows {
  exportFlow: KeyExportFlow;
  importFlow: KeyImportFlow;
  /** Stops following the flows; leaving mid-flow stops the export (nothing is saved), an import storing keys finishes. */
  unbind(): void;
}

function download(root: Node, file: Uint8Array<ArrayBuffer>, name: string) {
  const url = URL.createObjectURL(new Blob([file], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The export and import flows of `client`, reporting their stages to `host`. */
export function bindFlows(client: MatrixClient, host: FlowHost): BoundFlows {
  const exportFlow = new KeyExportFlow({
    collect: () => exportRoomKeys(client),
    count: () => countRoomKeys(client),
    save: (file, name) => download(host.root, file, name),
    kdfRounds: () => host.kdfRounds(),
  });
  const importFlow = new KeyImportFlow({
    importKeys: (json, onProgress) => importRoomKeys(client, json, onProgress),
  });
  const onExport = () => host.exportChanged(exportFlow.stage);
  const onImport = () => host.importChanged(importFlow.stage);
  exportFlow.addEventListener('change', onExport);
  importFlow.addEventListener('change', onImport);
  return {
    exportFlow,
    importFlow,
    unbind() {
      exportFlow.removeEventListener('change', onExport);
      importFlow.removeEventListener('change', onImport);
      exportFlow.cancel();
      importFlow.cancel();
    },
  };
}
