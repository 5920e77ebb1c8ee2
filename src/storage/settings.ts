/**
 * The storage settings from the environment, checked once at start-up (src/config.ts calls this).
 * Kept apart from the storage classes so reading the configuration loads no Azure SDK.
 */

/** Azure Blob Storage for several instances. */
export interface BlobSettings {
  /** `STORAGE_CONNECTION_STRING`: a storage account connection string (a secret: never logged). */
  connectionString: string;
  /** `STORAGE_CONTAINER`. Default `pastefix`; created if missing. */
  container: string;
}

export const DEFAULT_CONTAINER = 'pastefix';

/**
 * Validates the blob settings from the environment; undefined when no connection string is set.
 * Errors name the variable but never repeat the connection string (it holds the account key).
 */
export function blobSettings(connectionString: string | undefined, container: string | undefined): BlobSettings | undefined {
  if (connectionString === undefined) {
    if (container !== undefined)
      throw new Error('storage: STORAGE_CONTAINER is set but STORAGE_CONNECTION_STRING is not; set both or neither');
    return undefined;
  }
  const parts = new Map(
    connectionString
      .split(';')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1)] as const;
      }),
  );
  const usable =
    parts.get('usedevelopmentstorage') === 'true' ||
    (parts.has('accountname') && parts.has('accountkey')) ||
    (parts.has('blobendpoint') && parts.has('sharedaccesssignature'));
  if (!usable) {
    throw new Error(
      'storage: STORAGE_CONNECTION_STRING must be an Azure Storage connection string with AccountName and AccountKey ' +
        '(or BlobEndpoint and SharedAccessSignature); copy it from the storage account\'s "Access keys"',
    );
  }
  const name = container ?? DEFAULT_CONTAINER;
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(name)) {
    throw new Error(`storage: STORAGE_CONTAINER must be 3–63 lowercase letters, digits and single hyphens, got "${name}"`);
  }
  return { connectionString, container: name };
}
