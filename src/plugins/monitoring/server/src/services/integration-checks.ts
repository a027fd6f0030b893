import type { Core } from '@strapi/strapi';
import type { HealthCheck } from '../domain/registry-types';
import type { Status } from '../domain/status';

const INTEGRATION = 'plugin::publishing.site-integration';
const TEXT_PROVIDERS = ['openai', 'anthropic'];
const AI_RUN_LOG = 'plugin::ai.ai-task-log';

/**
 * The AI plugin's run log (`plugin::ai.ai-task-log`), if that plugin is installed. Its shape is not ours,
 * so only `status` and the creation time are read, and anything unexpected makes the figures "not
 * available" rather than an error.
 */
const aiRunFigures = async (strapi: Core.Strapi): Promise<{ available: false } | { available: true; total: number; failed: number }> => {
  const knex = strapi.db.connection;
  if (!(AI_RUN_LOG in strapi.contentTypes)) return { available: false };
  const tableName = (strapi.db.metadata.get(AI_RUN_LOG as any) as any).tableName;
  try {
    const { rows } = await knex.raw(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('failed', 'error'))::int AS failed FROM ?? WHERE created_at >= now() - interval '24 hours'`,
      [tableName]
    );
    return { available: true, ...rows[0] };
  } catch {
    return { available: false };
  }
};

/** AI providers (platform keys from the settings plugin) and WordPress sites (publishing plugin). */
export const integrationChecks = (strapi: Core.Strapi): HealthCheck[] => [
  {
    id: 'ai-providers',
    label: 'AI providers',
    critical: false,
    async run() {
      const settings = strapi.plugin('settings');
      if (!settings) return { status: 'yellow', summary: 'Settings plugin not installed: no AI provider configured', detail: { available: false } };
      const global = await (settings.service('store') as any).loadGlobal();
      const keys: Record<string, { configured: boolean }> = global.data.keys;
      const values = global.data.values ?? {};
      const providers = Object.entries(keys).map(([provider, info]) => ({
        provider,
        platformKey: info.configured,
        model: values[provider === 'dalle' ? 'imageModel' : `${provider}Model`] ?? null,
      }));
      const runs = await aiRunFigures(strapi);
      const failedPct = runs.available && runs.total ? Math.round((runs.failed / runs.total) * 1000) / 10 : 0;
      const anyText = providers.some((p) => TEXT_PROVIDERS.includes(p.provider) && p.platformKey);
      // Configuration is not health: without a platform text key AI still works for accounts with their
      // own keys, so only failing runs change the colour.
      const status: Status = runs.available && runs.total >= 10 ? (failedPct >= 50 ? 'red' : failedPct >= 20 ? 'yellow' : 'green') : 'green';
      const configured = providers.filter((p) => p.platformKey).map((p) => p.provider);
      return {
        status,
        summary: `${anyText ? '' : 'no platform text key (own keys only); '}${configured.length ? `platform keys: ${configured.join(', ')}` : 'no platform key'}; runs (24 h): ${runs.available ? `${runs.total}, ${runs.failed} failed` : 'not available'}`,
        detail: { providers, runs: runs.available ? { last24h: runs.total, failed: runs.failed, failedPct } : 'not available' },
      };
    },
  },
  {
    id: 'wordpress-sites',
    label: 'WordPress sites',
    critical: false,
    async run() {
      if (!strapi.contentTypes[INTEGRATION as keyof typeof strapi.contentTypes]) return { status: 'green', summary: 'Publishing plugin not installed', detail: { available: false } };
      const table = (strapi.db.metadata.get(INTEGRATION as any) as any).tableName;
      const { rows } = await strapi.db.connection.raw(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE is_active)::int AS active,
                count(*) FILTER (WHERE is_active AND connection_status = 'connected')::int AS connected,
                count(*) FILTER (WHERE is_active AND connection_status = 'error')::int AS failing,
                count(*) FILTER (WHERE is_active AND (connection_status IS NULL OR connection_status = 'unknown'))::int AS unknown
           FROM ?? WHERE platform = 'wordpress' OR platform IS NULL`,
        [table]
      );
      const f = rows[0];
      const failingPct = f.active ? (f.failing / f.active) * 100 : 0;
      const status: Status = failingPct >= 50 && f.failing >= 3 ? 'red' : f.failing > 0 ? 'yellow' : 'green';
      return {
        status,
        summary: `${f.active} active sites: ${f.connected} connected, ${f.failing} failing, ${f.unknown} unchecked`,
        detail: { ...f, link: `/admin/content-manager/collection-types/${INTEGRATION}?filters[$and][0][connectionStatus][$eq]=error` },
      };
    },
  },
];
