import type { requestsStrings } from '../../../components/verification-requests/verification-requests.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  listLabel: 'Verifizierungsanfragen',
} satisfies TranslationOf<typeof requestsStrings>;
