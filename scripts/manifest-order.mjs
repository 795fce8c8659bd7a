// The analyzer lists modules in glob order, which varies from run to run on a busy machine.
export function normalizeManifest(manifest) {
  if (manifest && Array.isArray(manifest.modules)) {
    manifest.modules = [...manifest.modules].sort((a, b) => String(a.path).localeCompare(String(b.path)));
  }
  return manifest;
}
