/**
 * The fields of the SDK's `SecretsBundleJson` (what `exportSecretsBundle()` resolves to) that the kit reads. The SDK
 * declares that type in a declaration file it does not ship, so TypeScript sees `any` there.
 */
export interface SecretsBundle {
  cross_signing: { master_key: string; self_signing_key: string; user_signing_key: string };
}
