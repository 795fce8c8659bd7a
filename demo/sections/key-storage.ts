// <xs-key-storage>: key backup on/off, restore history on demand, "is this still my Security Key?", and the
// offline (dehydrated) device. <xs-status> routes its "Key storage" / "Check my Security Key" requests here.
import '../../src/define/xs-key-storage.js';
import { sectionFrame, type DemoSection } from './section.js';

const SNIPPET = `<xs-key-storage></xs-key-storage>
<!-- only the key check: <xs-key-storage mode="check-key"></xs-key-storage> -->
<script type="module">
  import 'xs-kit/define/xs-key-storage.js';
  status.addEventListener('xs-request-key-storage', (e) => {
    e.preventDefault();
    keyStorage.mode = e.action === 'check-key' ? 'check-key' : 'backup';
    keyStorage.scrollIntoView();
  });
  keyStorage.addEventListener('xs-key-storage-change', (e) => console.log('key storage on?', e.enabled));
</script>`;

export const keyStorageSection: DemoSection = {
  render() {
    // The client comes from the page's <xs-client-provider>.
    const el = document.createElement('xs-key-storage');
    return sectionFrame('Key storage — <xs-key-storage>', SNIPPET, el, ['xs-key-storage-change', 'xs-request-reset', 'xs-error']);
  },
};
