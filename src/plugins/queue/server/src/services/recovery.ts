import type { Core } from '@strapi/strapi';
import type { JobSource, SweepOutcome } from '../domain/job-source';
import type { QueuePluginConfig } from '../domain/types';
import { getQueueService } from '../utils/get-service';

export const RECOVERY_QUEUE = 'queue-recovery';
export const SWEEP_JOB = 'sweep';
const BATCH = 500;
// At most 20,000 rows a pass per source bounds one pass's work; a longer backlog is covered over several
// passes, each starting where the last one stopped in this process (then back to the first row).
const MAX_PAGES = 40;

/**
 * Lost-job recovery: plugins register the rows that promise a job (`register(source)`), and a repeatable
 * job (`sweep`, every `recoverEveryMs`) adds back the jobs Redis no longer has, under their own ids, for
 * rows older than `recoverAfterMs`. Bull keeps a job's hash (`<prefix>:<queue>:<jobId>`) in every state
 * (waiting, delayed, active, failed, kept completed), so one EXISTS per row, pipelined, tells a lost job
 * from one that is merely waiting behind a backlog.
 */
export const createRecoveryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sources = new Map<string, JobSource<any>>();
  const cursors = new Map<string, number>();
  const config = () => strapi.config.get('plugin::queue') as QueuePluginConfig;

  /** Pages through the source's waiting rows (keyset on id, at most MAX_PAGES a pass) and adds back missing jobs. */
  async function sweepSource(source: JobSource<any>, before: Date): Promise<SweepOutcome> {
    const queues = getQueueService(strapi);
    let checked = 0;
    let requeued = 0;
    let afterId = cursors.get(source.name) ?? 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const expected = await source.expected({ before, afterId, limit: BATCH });
      if (!expected.length) {
        afterId = 0;
        break;
      }
      const queue = queues.get(source.queue);
      const pipeline = queue.client.pipeline();
      for (const job of expected) pipeline.exists(queue.toKey(job.jobId));
      const found = (await pipeline.exec()) ?? [];
      for (const [i, job] of expected.entries()) {
        const [error, exists] = found[i] ?? [];
        if (error || Number(exists) === 1) continue;
        await queues.add(source.queue, job.jobName, job.data, { ...job.opts, jobId: job.jobId, ...(job.fairnessKey !== undefined ? { fairnessKey: job.fairnessKey } : {}) });
        requeued += 1;
      }
      checked += expected.length;
      afterId = expected.length < BATCH ? 0 : expected[expected.length - 1].id;
      if (!afterId) break;
    }
    cursors.set(source.name, afterId);
    if (requeued) strapi.log.warn(`[queue] recovery: ${source.name}: ${requeued} of ${checked} waiting rows had lost their job; added again`);
    return { source: source.name, checked, requeued };
  }

  return {
    /** Call from your plugin's `register()` or `bootstrap()`. Names are unique. */
    register<Data>(source: JobSource<Data>) {
      if (sources.has(source.name)) throw new Error(`Job source "${source.name}" is already registered`);
      sources.set(source.name, source);
    },

    names: () => [...sources.keys()],

    /** One pass over every source (what the repeatable job runs). One source failing does not stop the others. */
    async sweep(now = new Date()): Promise<SweepOutcome[]> {
      const before = new Date(now.getTime() - config().recoverAfterMs);
      const outcomes: SweepOutcome[] = [];
      for (const source of sources.values()) {
        try {
          outcomes.push(await sweepSource(source, before));
        } catch (error) {
          strapi.log.warn(`[queue] recovery: ${source.name}: ${(error as Error).message}`);
          outcomes.push({ source: source.name, checked: 0, requeued: 0, error: (error as Error).message });
        }
      }
      return outcomes;
    },
  };
};

export type RecoveryService = ReturnType<typeof createRecoveryService>;
