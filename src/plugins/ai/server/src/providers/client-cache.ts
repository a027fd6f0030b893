/**
 * SDK clients per (key, base URL, timeout, retries): building one per call costs more CPU than the call
 * to a fast endpoint. Bounded so rotated keys do not pile up.
 */
export const createClientCache = <C>(build: (args: { apiKey: string; baseURL?: string; timeout: number; maxRetries: number }) => C, max = 64) => {
  const clients = new Map<string, C>();
  return (args: { apiKey: string; baseUrl: string | null; timeoutMs: number; maxRetries: number }): C => {
    const key = `${args.apiKey}\u0000${args.baseUrl ?? ''}\u0000${args.timeoutMs}\u0000${args.maxRetries}`;
    let client = clients.get(key);
    if (!client) {
      if (clients.size >= max) clients.delete(clients.keys().next().value as string);
      client = build({ apiKey: args.apiKey, baseURL: args.baseUrl ?? undefined, timeout: args.timeoutMs, maxRetries: args.maxRetries });
      clients.set(key, client);
    }
    return client;
  };
};
