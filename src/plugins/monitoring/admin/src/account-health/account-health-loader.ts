import { getFetchClient } from '@strapi/strapi/admin';

export interface AccountHealthRow {
  accountId: number;
  score: number;
  level: 'good' | 'at-risk' | 'critical';
  reasons: Array<{ code: string; message: string; penalty: number }>;
}

const TTL_MS = 60_000;
const cache = new Map<number, { at: number; value: Promise<AccountHealthRow | null> }>();
let pending = new Map<number, { resolve: (r: AccountHealthRow | null) => void; reject: (e: unknown) => void }>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** One request per rendered page of the list view (up to 100 ids), not one per row. */
const flush = async () => {
  timer = undefined;
  const batch = pending;
  pending = new Map();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    try {
      const { data } = await getFetchClient().get<{ data: AccountHealthRow[] }>(`/monitoring/account-health?ids=${chunk.join(',')}`);
      const byId = new Map(data.data.map((r) => [r.accountId, r]));
      for (const id of chunk) batch.get(id)!.resolve(byId.get(id) ?? null);
    } catch (error) {
      for (const id of chunk) batch.get(id)!.reject(error);
    }
  }
};

/** The health of one account, batched with the other rows rendered in the same tick and cached for a minute. */
export const loadAccountHealth = (id: number): Promise<AccountHealthRow | null> => {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = new Promise<AccountHealthRow | null>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    timer ??= setTimeout(() => void flush(), 10);
  });
  cache.set(id, { at: Date.now(), value });
  value.catch(() => cache.delete(id));
  return value;
};
