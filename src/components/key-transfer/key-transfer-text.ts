// The words of <xs-key-transfer> that take more than a look-up: file sizes, why an import failed, and the import
// report (counts by reason, and the sentence saying what was not imported and why).
import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { ImportReport } from '../../sdk/room-keys.js';
import type { ImportProblem } from '../../state/key-import.js';
import { keyTransferStepStrings as S } from './key-transfer-steps.strings.js';

type Terms = typeof S.en;
type PlainKey = { [K in keyof Terms]: Terms[K] extends string ? K : never }[keyof Terms];

/** A file's size for people, unit names from Intl: bytes under 1 kB (not "0 kB"), then kB, then MB. */
export function fileSize(t: LocalizeController, bytes: number): string {
  const [n, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1e6 ? [bytes / 1e3, 'kilobyte'] : [bytes / 1e6, 'megabyte'];
  return t.number(n, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 });
}

export function problemCode(p: ImportProblem): string {
  switch (p.kind) {
    case 'file': return p.code;
    case 'failure': return p.failure.kind;
    default: return p.kind;
  }
}

export function problemText(l: LocalizeController, p: ImportProblem): string {
  const t = (k: PlainKey) => l.t(S, k);
  switch (p.kind) {
    case 'file':
      switch (p.code) {
        case 'wrong-passphrase-or-damaged': return t('wrongPassphrase');
        case 'not-a-key-file': return t('notAKeyFile');
        case 'unsupported-version': return t('unsupportedVersion');
        case 'truncated': return t('truncated');
        case 'bad-rounds': return t('badRounds');
        case 'not-utf8': return t('notKeyList');
      }
      break;
    case 'not-key-list': return t('notKeyList');
    case 'no-crypto': return t('noCrypto');
    case 'unreadable': return t('unreadable');
    case 'failure': return `${explainFailure(l.lang, p.failure)} ${l.t(S, 'importFailed')}`;
  }
  return t('importFailed');
}

/** The import report: counts by reason, and what was not imported and why (plural-correct). */
export function importReport(t: LocalizeController, r: ImportReport): TemplateResult {
  const row = (key: PlainKey, count: string, n: number) => html`<dt>${t.t(S, key)}</dt><dd data-count=${count}>${t.number(n)}</dd>`;
  const notImported = [
    r.malformed ? t.t(S, 'notImportedMalformed', t.number(r.malformed), r.malformed) : '',
    r.unknownAlgorithm ? t.t(S, 'notImportedUnknownAlgorithm', t.number(r.unknownAlgorithm), r.unknownAlgorithm) : '',
  ].filter(Boolean);
  return html`<div role="status"><dl part="report">
      ${row('reportTotal', 'total', r.total)}
      ${row('reportImported', 'imported', r.imported)}
      ${row('reportAlreadyPresent', 'already-present', r.alreadyPresent)}
      ${r.malformed ? row('reportMalformed', 'malformed', r.malformed) : nothing}
      ${r.unknownAlgorithm ? row('reportUnknownAlgorithm', 'unknown-algorithm', r.unknownAlgorithm) : nothing}
    </dl>
    ${notImported.length ? html`<p part="report-note">${notImported.join(' ')} ${t.t(S, 'notImportedRest', r.imported + r.alreadyPresent)}</p>` : nothing}</div>`;
}
