// <xs-key-transfer>: export this session's room keys to a passphrase-protected file, import such a file.
import '../../src/define/xs-key-transfer.js';
import { sectionFrame, type DemoSection } from './section.js';

const SNIPPET = `<xs-key-transfer></xs-key-transfer>
<!-- or only one of them: <xs-key-transfer mode="import"></xs-key-transfer> -->
<script type="module">
  import 'xs-kit/define/xs-key-transfer.js';
  const el = document.querySelector('xs-key-transfer');
  el.addEventListener('xs-keys-exported', (e) => console.log(e.count, e.fileName));
  el.addEventListener('xs-keys-imported', (e) => console.log(e.total, e.imported, e.skipped));
  el.addEventListener('xs-error', (e) => console.log(e.code, e.message));
</script>`;

export const keyTransferSection: DemoSection = {
  render() {
    // The client comes from the page's <xs-client-provider>.
    const el = document.createElement('xs-key-transfer');
    return sectionFrame('Export and import room keys — <xs-key-transfer>', SNIPPET, el, ['xs-keys-exported', 'xs-keys-imported', 'xs-error']);
  },
};
