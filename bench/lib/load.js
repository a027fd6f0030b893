// HTTP load with autocannon: a fixed number of keep-alive connections, each sending its next
// request as soon as the previous one is answered, for a fixed duration.
const autocannon = require('autocannon');
const { percentile, round } = require('./stats');

/**
 * Returns { requests, ok, non2xx, errors, statusCodes, seconds, rps, latencyMs: { mean, p50, p95, p99, max }, bytesPerResponse }.
 * rps counts only 2xx answers; latencies are every answer's time from request sent to response complete.
 */
const runLoad = ({ url, method = 'GET', headers = {}, body, connections = 10, duration = 10 }) =>
  new Promise((resolve, reject) => {
    const latencies = [];
    let ok = 0;
    let bytes = 0;
    let started;
    const instance = autocannon({ url, method, headers, body, connections, duration, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      const mean = latencies.reduce((sum, v) => sum + v, 0) / (latencies.length || 1);
      resolve({
        requests: latencies.length,
        ok,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
        seconds: round(seconds, 3),
        rps: round(ok / seconds, 1),
        latencyMs: {
          mean: round(mean),
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies[latencies.length - 1] ?? null),
        },
        bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : null,
      });
    });
    started = process.hrtime.bigint();
    instance.on('response', (client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
      if (statusCode >= 200 && statusCode < 300) ok++;
    });
  });

module.exports = { runLoad };
