import type { AlertRule, HealthCheck, WidgetMetric } from '../domain/registry-types';

const ID = /^[a-z][a-z0-9-]*$/;

/**
 * The extension points of the plugin: health checks, alert rules and widget metrics other plugins
 * add in their `register()` (see EXTENDING.md). Each `add*` checks its input and refuses a duplicate id.
 */
export const createRegistryService = () => {
  const healthChecks = new Map<string, HealthCheck>();
  const alertRules = new Map<string, AlertRule>();
  const metrics = new Map<string, WidgetMetric>();

  const add = <T extends { id: string }>(kind: string, map: Map<string, T>, item: T, fn: keyof T) => {
    if (!item || !ID.test(item.id)) throw new Error(`monitoring: ${kind} id "${item?.id}" must be kebab-case`);
    if (typeof item[fn] !== 'function') throw new Error(`monitoring: ${kind} "${item.id}" needs a ${String(fn)}() function`);
    if (map.has(item.id)) throw new Error(`monitoring: ${kind} "${item.id}" is already registered`);
    map.set(item.id, item);
  };

  return {
    addHealthCheck: (check: HealthCheck) => add('health check', healthChecks, check, 'run'),
    addAlertRule: (rule: AlertRule) => add('alert rule', alertRules, rule, 'evaluate'),
    addWidgetMetric: (metric: WidgetMetric) => add('widget metric', metrics, metric, 'value'),
    healthChecks: () => [...healthChecks.values()],
    alertRules: () => [...alertRules.values()],
    widgetMetrics: () => [...metrics.values()],
  };
};

export type RegistryService = ReturnType<typeof createRegistryService>;
