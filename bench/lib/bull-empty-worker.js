// The baselines of the `ai` scenario, in a process of their own: plain Bull processing empty jobs, or
// (with BENCH_OPENAI_BASE_URL) Bull jobs that each make one chat completion through the official OpenAI
// SDK against the same zero-latency fake, with the request shape a generate_content run sends: the
// floor under an AI run that owes nothing to Strapi or to our code. Started by the scenario with the
// queue name; processes with the given concurrency; on "report" answers with its CPU time since "begin"
// and the jobs it completed.
const Bull = require('bull');

const { REDIS_URL, QUEUE_PREFIX, BENCH_QUEUE, BENCH_CONCURRENCY, BENCH_OPENAI_BASE_URL, BENCH_OPENAI_KEY } = process.env;
const queue = new Bull(BENCH_QUEUE, REDIS_URL, { prefix: QUEUE_PREFIX });
let done = 0;
let cpu = process.cpuUsage();
const client = BENCH_OPENAI_BASE_URL ? new (require('openai').default)({ apiKey: BENCH_OPENAI_KEY, baseURL: BENCH_OPENAI_BASE_URL, maxRetries: 0, timeout: 120000 }) : null;
const call = () =>
  client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer with one JSON object only (schema "generate_content").' },
      { role: 'user', content: 'Title: Bench baseline\nWrite the article.' },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'generate_content', schema: { type: 'object' }, strict: false } },
  });
queue.process(Number(BENCH_CONCURRENCY), async () => {
  if (client) JSON.parse((await call()).choices[0].message.content);
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
