/**
 * A typed name → entry map for extension points: `register` refuses a malformed or duplicate entry,
 * `get` names the known entries when asked for an unknown one.
 */
export const createRegistry = <T extends { name: string }>(what: string, check: (entry: T) => void = () => undefined) => {
  const entries = new Map<string, T>();
  return {
    register(entry: T) {
      if (!entry || typeof entry.name !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(entry.name)) {
        throw new TypeError(`${what} name must be lower-case letters, digits, - or _ (got ${JSON.stringify(entry?.name)})`);
      }
      if (entries.has(entry.name)) throw new Error(`${what} "${entry.name}" is already registered`);
      check(entry);
      entries.set(entry.name, entry);
    },
    has: (name: string) => entries.has(name),
    get(name: string): T {
      const entry = entries.get(name);
      if (!entry) throw new Error(`Unknown ${what} "${name}". Known: ${[...entries.keys()].join(', ') || 'none'}`);
      return entry;
    },
    list: () => [...entries.values()],
    names: () => [...entries.keys()],
  };
};

export type Registry<T extends { name: string }> = ReturnType<typeof createRegistry<T>>;
