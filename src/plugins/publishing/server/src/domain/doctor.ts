/** The connection doctor's checks, in order; a failed check makes the ones after it `skipped`. */
export type CheckId = 'address' | 'rest' | 'authorization-header' | 'credentials' | 'can-publish' | 'taxonomies';

export interface CheckResult {
  id: CheckId;
  status: 'ok' | 'failed' | 'skipped';
  /** What was checked, or what went wrong, in plain words. */
  message: string;
  /** What the tenant should do about a failure. */
  fix?: string;
}

export const CHECKS: Array<{ id: CheckId; label: string }> = [
  { id: 'address', label: 'The site address is allowed and resolves to a public address' },
  { id: 'rest', label: 'The WordPress REST API answers at /wp-json/' },
  { id: 'authorization-header', label: 'The host passes the Authorization header to WordPress' },
  { id: 'credentials', label: 'WordPress accepts the user name and application password' },
  { id: 'can-publish', label: 'The user may publish posts and upload media' },
  { id: 'taxonomies', label: 'Categories and tags are readable' },
];

/** Fills the checks that never ran as skipped, and says whether the connection is usable. */
export const summarise = (done: CheckResult[]): { ok: boolean; checks: CheckResult[] } => {
  const byId = new Map(done.map((c) => [c.id, c]));
  const failed = done.some((c) => c.status === 'failed');
  const checks = CHECKS.map(({ id, label }) => byId.get(id) ?? { id, status: 'skipped' as const, message: `${label}: not checked (an earlier check failed)` });
  return { ok: !failed && checks.every((c) => c.status === 'ok'), checks };
};
