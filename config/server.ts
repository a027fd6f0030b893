import type { Core } from '@strapi/strapi';
import { requiredEnv } from './required-env';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a TLS-terminating proxy, trust X-Forwarded-Proto so secure cookies work;
  // on plain local http (the default) leave it off so login does not fail.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: { keys: requiredEnv(env, 'APP_KEYS').split(',') },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
