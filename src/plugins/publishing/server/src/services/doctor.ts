import type { Core } from '@strapi/strapi';
import { checkUrl } from '../domain/address-guard';
import { summarise, type CheckResult } from '../domain/doctor';
import { explainFailure, WordPressError } from '../domain/errors';
import { createWordPressClient, type Resolver } from '../wordpress/client';
import { guardOptions } from '../utils/guard-options';

export interface DoctorTarget {
  baseUrl: string;
  username: string;
  password: string;
}

/**
 * Runs the checks of `domain/doctor.ts` against a site, stopping at the first failure. Never throws for
 * a site problem: each failure comes back as a check with an explanation and a fix.
 */
export const createDoctorService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(target: DoctorTarget, resolve?: Resolver) {
    const started = Date.now();
    const done: CheckResult[] = [];
    const finish = () => ({ ...summarise(done), durationMs: Date.now() - started });
    const fail = (id: CheckResult['id'], error: unknown, fix?: string) => {
      const e = error as WordPressError;
      done.push({ id, status: 'failed', message: e.message, fix: fix ?? explainFailure(e) });
      return finish();
    };
    const opts = guardOptions(strapi);

    let client;
    let anonymous;
    try {
      checkUrl({ url: target.baseUrl, allow: opts.allow });
      client = createWordPressClient({ ...target, ...opts, resolve });
      anonymous = createWordPressClient({ ...target, ...opts, resolve, anonymous: true });
      // Resolving and checking the host happens on connect; the REST index is the first connection.
      const index = await anonymous.root();
      done.push({ id: 'address', status: 'ok', message: 'The address is allowed and every address it resolves to is public' });
      const namespaces: string[] = index.data?.namespaces ?? [];
      if (!namespaces.includes('wp/v2')) {
        return fail('rest', new Error('The site answered /wp-json/ but the wp/v2 API is not listed'), 'Enable the WordPress REST API (a security plugin may disable it).');
      }
      done.push({ id: 'rest', status: 'ok', message: `WordPress REST API found (${index.data?.name ?? 'site'})` });
    } catch (error) {
      const e = error as WordPressError & { name: string };
      if (e.name === 'AddressRefusedError' || e.code === 'address_refused' || e.code === 'ENOTFOUND') {
        return fail('address', e, 'Use the public https:// address of the WordPress site.');
      }
      done.push({ id: 'address', status: 'ok', message: 'The address is allowed' });
      return fail('rest', e, e.status === 404 ? 'Check the address: /wp-json/ must be reachable (Settings > Permalinks: any setting other than "Plain").' : explainFailure(e));
    }

    let me;
    try {
      me = (await client.me()).data;
      done.push({ id: 'authorization-header', status: 'ok', message: 'WordPress received the credentials' });
      done.push({ id: 'credentials', status: 'ok', message: `Signed in as ${me?.slug ?? me?.name ?? target.username}` });
    } catch (error) {
      const e = error as WordPressError;
      if (e.code === 'rest_not_logged_in') return fail('authorization-header', e);
      done.push({ id: 'authorization-header', status: 'ok', message: 'WordPress received the credentials' });
      return fail('credentials', e);
    }

    const caps = me?.capabilities ?? {};
    const missing = ['publish_posts', 'upload_files', 'edit_posts'].filter((c) => !caps[c]);
    if (missing.length) {
      return fail('can-publish', new Error(`The user ${me?.slug ?? target.username} lacks ${missing.join(', ')}`), 'Give the WordPress user the Editor or Administrator role.');
    }
    done.push({ id: 'can-publish', status: 'ok', message: 'The user may publish posts and upload media' });

    try {
      await client.listTerms('categories', { per_page: 1 });
      await client.listTerms('tags', { per_page: 1 });
      done.push({ id: 'taxonomies', status: 'ok', message: 'Categories and tags are readable' });
    } catch (error) {
      return fail('taxonomies', error);
    }
    return finish();
  },
});

export type DoctorService = ReturnType<typeof createDoctorService>;
