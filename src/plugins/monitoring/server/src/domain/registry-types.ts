import type { AlertCondition } from './alert-state';
import type { Status } from './status';

/** What a health check reports. `detail` is for staff only, never shown on the public endpoint. */
export interface HealthResult {
  status: Status;
  /** One line for people ("12 ms, 5/100 connections"). No secrets. */
  summary: string;
  detail?: Record<string, unknown>;
}

/**
 * A component of system health. Built-ins: database, redis, queues, workers, disk. Other plugins add
 * theirs (an AI provider, WordPress sites) through `registry.addHealthCheck()` in their `register()`.
 */
export interface HealthCheck {
  /** kebab-case, unique. */
  id: string;
  label: string;
  /** A non-critical component's red counts as yellow in the overall status (default true). */
  critical?: boolean;
  run(): Promise<HealthResult>;
}

/**
 * An alert rule: returns the conditions that hold now. The alerts service fires each new condition
 * once and resolves it when it is no longer returned.
 */
export interface AlertRule {
  /** kebab-case, unique; also the prefix of its conditions' keys. */
  id: string;
  description: string;
  evaluate(): Promise<AlertCondition[]>;
}

/**
 * A figure for the "activity" widget from another plugin (AI runs running, failed WordPress syncs
 * today...). `permission` is an admin action UID the caller must hold for the figure to be included.
 */
export interface WidgetMetric {
  id: string;
  label: string;
  permission?: string;
  /** Admin path to the records behind the number. */
  link?: string;
  value(): Promise<number>;
}
