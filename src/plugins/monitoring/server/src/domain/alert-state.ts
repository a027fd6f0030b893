/**
 * Once-per-condition alerting, pure. A condition is identified by a stable key (`low-credit:42`).
 * It fires when it first appears, stays quiet while it persists, and clears when it disappears; it
 * fires again only after it cleared.
 */
export type Severity = 'info' | 'warning' | 'critical';

export interface AlertCondition {
  /** Stable identity: the same problem gives the same key on every evaluation. */
  key: string;
  /** The rule that produced it (`pending-payments`, `low-credit`, `health`, or a plugin's rule id). */
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  /** Admin path to the records behind it, if any. */
  link?: string;
  details?: Record<string, unknown>;
}

export interface AlertTransitions {
  /** New conditions: notify. */
  fired: AlertCondition[];
  /** Still present: update their details, do not notify. */
  ongoing: AlertCondition[];
  /** Keys active before and absent now: mark resolved. */
  cleared: string[];
}

export function diffAlerts(activeKeys: Iterable<string>, current: AlertCondition[]): AlertTransitions {
  const active = new Set(activeKeys);
  const seen = new Set<string>();
  const fired: AlertCondition[] = [];
  const ongoing: AlertCondition[] = [];
  for (const condition of current) {
    if (seen.has(condition.key)) continue;
    seen.add(condition.key);
    (active.has(condition.key) ? ongoing : fired).push(condition);
  }
  return { fired, ongoing, cleared: [...active].filter((key) => !seen.has(key)) };
}
