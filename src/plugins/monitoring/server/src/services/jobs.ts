import type Bull from 'bull';
import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';

export const JOB_STATES = ['failed', 'waiting', 'active', 'delayed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobFilter {
  queue?: string;
  state: JobState;
  accountId?: number;
  /** Job name (our operation, e.g. `generate`), exact. */
  name?: string;
  /** `data.record.id`, `data.recordId` or `data.documentId`, exact. */
  record?: string;
  /** Case-insensitive substring of the failure reason. */
  text?: string;
  limit: number;
}

/** How many jobs per queue a search reads from Redis (newest first); Bull cannot filter server-side. */
export const SCAN_PER_QUEUE = 2000;

const recordOf = (data: any): string | null => {
  const v = data?.record?.id ?? data?.recordId ?? data?.documentId ?? null;
  return v === null || v === undefined ? null : String(v);
};

/**
 * Our own job list, for what bull-board cannot do: find a tenant's jobs across queues by account,
 * operation, record and error text, and retry every failed job matching a filter. The list carries
 * no job payload (payloads can hold tenant content), only the fields to find and judge a job.
 */
export const createJobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const queues = () => getQueueService(strapi);

  async function matching(filter: JobFilter): Promise<Array<{ queue: string; job: Bull.Job }>> {
    const names = filter.queue ? [filter.queue] : queues().definitions().map((d) => d.name);
    const out: Array<{ queue: string; job: Bull.Job }> = [];
    for (const name of names) {
      const jobs = await queues().get(name).getJobs([filter.state], 0, SCAN_PER_QUEUE - 1, false);
      for (const job of jobs) {
        if (!job) continue;
        if (filter.accountId !== undefined && Number(job.data?.accountId) !== filter.accountId) continue;
        if (filter.name && job.name !== filter.name) continue;
        if (filter.record && recordOf(job.data) !== filter.record) continue;
        if (filter.text && !(job.failedReason ?? '').toLowerCase().includes(filter.text.toLowerCase())) continue;
        out.push({ queue: name, job });
      }
    }
    return out.sort((a, b) => (b.job.timestamp ?? 0) - (a.job.timestamp ?? 0));
  }

  /**
   * What the ledger recorded for each (account, record) pair of a page of jobs: credits billed and our USD
   * cost, summed over that record's usage rows (a job's retries and sibling jobs on the same record share it).
   */
  async function ledgerFor(pairs: Array<[number, string]>): Promise<Map<string, { credits: number; usdCost: number }>> {
    if (!pairs.length) return new Map();
    const knex = strapi.db.connection;
    if (!(await knex.raw(`SELECT to_regclass('credit_usage_logs') AS t`)).rows[0].t) return new Map();
    const { rows } = await knex.raw(
      `SELECT account_id, record_id, SUM(credits)::bigint AS credits, SUM(usd_cost)::float8 AS usd FROM credit_usage_logs
        WHERE (account_id, record_id) IN (${pairs.map(() => '(?, ?)').join(', ')}) GROUP BY 1, 2`,
      pairs.flat()
    );
    return new Map(rows.map((r: any) => [`${r.account_id}:${r.record_id}`, { credits: Number(r.credits), usdCost: r.usd }]));
  }

  return {
    async list(filter: JobFilter) {
      const found = await matching(filter);
      const page = found.slice(0, filter.limit);
      const pairs = page
        .map(({ job }) => [Number(job.data?.accountId), recordOf(job.data)] as [number, string | null])
        .filter((p): p is [number, string] => Number.isInteger(p[0]) && p[0] > 0 && p[1] !== null);
      const ledger = await ledgerFor(pairs);
      return {
        total: found.length,
        scannedPerQueue: SCAN_PER_QUEUE,
        jobs: page.map(({ queue, job }) => ({
          queue,
          id: String(job.id),
          name: job.name,
          state: filter.state,
          accountId: job.data?.accountId ?? null,
          record: recordOf(job.data),
          credits: job.data?.credits ?? (job.returnvalue as any)?.credits ?? null,
          usdCost: job.data?.usdCost ?? (job.returnvalue as any)?.usdCost ?? null,
          ledger: ledger.get(`${job.data?.accountId}:${recordOf(job.data)}`) ?? null,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason ?? null,
          createdAt: new Date(job.timestamp).toISOString(),
          finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })),
      };
    },

    /** Retries every failed job matching the filter (the failed originals move back to waiting). */
    async retryFailed(filter: Omit<JobFilter, 'state' | 'limit'>) {
      const found = await matching({ ...filter, state: 'failed', limit: Number.MAX_SAFE_INTEGER });
      let retried = 0;
      const errors: string[] = [];
      for (const { queue, job } of found) {
        try {
          await job.retry();
          retried += 1;
        } catch (error) {
          errors.push(`${queue}#${job.id}: ${(error as Error).message}`);
        }
      }
      return { matched: found.length, retried, errors: errors.slice(0, 20) };
    },
  };
};

export type JobsService = ReturnType<typeof createJobsService>;
