import type { Core } from '@strapi/strapi';
import type { HealthCheck, HealthResult } from '../domain/registry-types';
import { nextState, worst, type StableState, type Status } from '../domain/status';
import { getConfig } from '../utils/config';
import { getService } from '../utils/get-service';
import { builtinChecks } from './builtin-checks';
import { integrationChecks } from './integration-checks';

export interface ComponentReport extends HealthResult {
  id: string;
  label: string;
  critical: boolean;
  /** What this check measured just now, before hysteresis. */
  observed: Status;
  /** Since when `status` has been reported. */
  since: string;
  /** A different status being observed, not yet held long enough to be reported. */
  pending?: { status: Status; since: string };
  durationMs: number;
}

export interface HealthReport {
  status: Status;
  checkedAt: string;
  components: ComponentReport[];
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e))
    );
  });

/**
 * Runs every health check, applies hysteresis per component and keeps the last report. State is per
 * process: each process samples on a timer and when its endpoints are called.
 */
export const createHealthService = ({ strapi }: { strapi: Core.Strapi }) => {
  const states = new Map<string, StableState>();
  let last: HealthReport | undefined;
  let running: Promise<HealthReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let now = () => Date.now();

  const checks = (): HealthCheck[] => [...builtinChecks(strapi, getConfig(strapi).health), ...integrationChecks(strapi), ...getService(strapi, 'registry').healthChecks()];

  async function runOne(check: HealthCheck, at: number): Promise<ComponentReport> {
    const config = getConfig(strapi).health;
    const started = Date.now();
    let result: HealthResult;
    try {
      result = await withTimeout(check.run(), config.checkTimeoutMs);
    } catch (error) {
      result = { status: 'red', summary: `${check.label}: ${(error as Error).message}` };
    }
    const state = nextState(states.get(check.id), result.status, at, config);
    states.set(check.id, state);
    return {
      id: check.id,
      label: check.label,
      critical: check.critical !== false,
      ...result,
      observed: result.status,
      status: state.status,
      since: new Date(state.since).toISOString(),
      pending: state.candidate ? { status: state.candidate, since: new Date(state.candidateSince!).toISOString() } : undefined,
      durationMs: Date.now() - started,
    };
  }

  async function sample(): Promise<HealthReport> {
    running ??= (async () => {
      const at = now();
      const components = await Promise.all(checks().map((check) => runOne(check, at)));
      const status = worst(components.map((c) => (!c.critical && c.status === 'red' ? 'yellow' : c.status)));
      last = { status, checkedAt: new Date(at).toISOString(), components };
      return last;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    sample,
    /** The last report, sampling first if none or older than `maxAgeMs`. */
    async current(maxAgeMs = 1000): Promise<HealthReport> {
      if (last && now() - Date.parse(last.checkedAt) < maxAgeMs) return last;
      return sample();
    },
    /** For load balancers: overall and per-component status only, nothing else. */
    async publicView() {
      const report = await this.current();
      return { status: report.status, checkedAt: report.checkedAt, components: Object.fromEntries(report.components.map((c) => [c.id, c.status])) };
    },
    start() {
      const every = getConfig(strapi).health.checkEveryMs;
      if (!every || timer) return;
      timer = setInterval(() => void sample().catch(() => undefined), every);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    /** Tests only: a clock to drive the hysteresis. */
    setClock(clock: () => number) {
      now = clock;
    },
  };
};

export type HealthService = ReturnType<typeof createHealthService>;
