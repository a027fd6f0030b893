// The baseline of the `ai` scenario: plain Bull processing empty jobs, in a process of its own. Started
// by the scenario with the queue name; processes with the given concurrency; on "report" answers with
// its CPU time since "begin" and the jobs it completed.
const Bull = require('bull');

const { REDIS_URL, QUEUE_PREFIX, BENCH_QUEUE, BENCH_CONCURRENCY } = process.env;
const queue = new Bull(BENCH_QUEUE, REDIS_URL, { prefix: QUEUE_PREFIX });
let done = 0;
let cpu = process.cpuUsage();
queue.process(Number(BENCH_CONCURRENCY), async () => {
  done++;
});
queue.isReady().then(() => process.send({ ready: true }));
process.on('message', async (message) => {
  if (message === 'begin') {
    done = 0;
    cpu = process.cpuUsage();
    process.send({ begun: true });
  } else if (message === 'report') {
    const used = process.cpuUsage(cpu);
    process.send({ report: { done, cpuMs: (used.user + used.system) / 1000 } });
  } else if (message === 'stop') {
    await queue.close().catch(() => undefined);
    process.exit(0);
  }
});
