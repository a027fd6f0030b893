import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils/config';

export interface EndpointResult {
  name: string;
  method: string;
  path: string;
  expectStatus: number;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
}

/**
 * The on-demand check of the critical endpoints: real HTTP requests to this process, through the whole
 * middleware stack (auth, routing, the API monitor, which records them like any other traffic). When
 * the app is not listening (tests mount it without a port) a temporary server on the same Koa app
 * answers them. Only GET and HEAD, without credentials: the check never changes data.
 */
export const createEndpointCheckService = ({ strapi }: { strapi: Core.Strapi }) => {
  const withBaseUrl = async <T>(fn: (base: string) => Promise<T>): Promise<T> => {
    const server = strapi.server.httpServer;
    if (server?.listening) return fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const temporary = http.createServer(strapi.server.app.callback());
    await new Promise<void>((resolve) => temporary.listen(0, '127.0.0.1', resolve));
    try {
      return await fn(`http://127.0.0.1:${(temporary.address() as AddressInfo).port}`);
    } finally {
      temporary.closeAllConnections();
      await new Promise((resolve) => temporary.close(resolve));
    }
  };

  return {
    async run(): Promise<{ ok: boolean; checkedAt: string; endpoints: EndpointResult[] }> {
      const config = getConfig(strapi);
      const checkedAt = new Date().toISOString();
      const endpoints = await withBaseUrl((base) =>
        Promise.all(
          config.criticalEndpoints.map(async ({ headers, ...e }): Promise<EndpointResult> => {
            const started = process.hrtime.bigint();
            const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
            try {
              const res = await fetch(`${base}${e.path}`, { method: e.method, signal: AbortSignal.timeout(config.health.checkTimeoutMs), headers: { ...headers, 'user-agent': 'igny8-monitoring-check' } });
              await res.arrayBuffer();
              return { ...e, status: res.status, ok: res.status === e.expectStatus, durationMs: elapsed(), error: null };
            } catch (error) {
              return { ...e, status: null, ok: false, durationMs: elapsed(), error: (error as Error).name === 'TimeoutError' ? `no answer within ${config.health.checkTimeoutMs} ms` : (error as Error).message };
            }
          })
        )
      );
      return { ok: endpoints.every((e) => e.ok), checkedAt, endpoints };
    },
  };
};

export type EndpointCheckService = ReturnType<typeof createEndpointCheckService>;
