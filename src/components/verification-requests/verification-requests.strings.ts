import { defineStrings } from '../../i18n/registry.js';

// <xs-verification-requests>'s first render: an empty list, named. The request cards' terms, in the same namespace,
// load with them: verification-requests.rows.strings.ts.
export const requestsStrings = defineStrings('verification-requests', {
  listLabel: 'Verification requests',
});
