/**
 * A module loaded the first time one of its exports is used, not when it is required. For packages that a
 * dependency requires at load time but uses only on some paths: botframework-connector requires `@azure/identity`
 * and `@azure/msal-node` with its index, and uses them only to get tokens for a managed identity, a certificate or
 * a federated credential (and msal-node for an app password, when a reply goes out with authentication on) —
 * about 260 modules, a quarter of a second of CPU time and 20 MB of RSS at every start, authentication off or on.
 */
import Module, { createRequire } from 'node:module';

/**
 * Puts a stand-in for `request` (as resolved from `from`, a file path) in the module cache: whoever requires it
 * gets an object that loads the real module at its first use (property read, `in`, listing its keys) and answers
 * with the real module's exports from then on. Nothing happens if the module is loaded already or can't be resolved.
 * @returns true if the stand-in was put in place.
 */
export function deferModule(request: string, from: string): boolean {
  const fromFile = createRequire(from);
  let file: string;
  try {
    file = fromFile.resolve(request);
  } catch {
    return false;
  }
  if (require.cache[file]) return false;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      // The stand-in leaves the cache: the real module is loaded and cached as usual, later requires get it.
      delete require.cache[file];
      real = fromFile(request) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      // Described as configurable: the stand-in's own (empty) target can't hold a fixed property.
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
  require.cache[file] = standIn;
  return true;
}
