#!/usr/bin/env node
// `npm run bench -- <scenario> [--option value ...]`: runs bench/scenarios/<scenario>.js, prints its
// table and its JSON on stdout (progress goes to stderr), and writes the JSON to
// bench/results/<scenario>-<timestamp>.json.
const fs = require('node:fs');
const path = require('node:path');

const SCENARIOS = path.join(__dirname, 'scenarios');
const RESULTS = path.join(__dirname, 'results');

const parseArgs = (argv) => {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s);
    if (inline !== undefined) options[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options[key] = argv[++i];
    else options[key] = true;
  }
  return { positional, options };
};

const main = async () => {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const available = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
  const name = positional[0];
  if (!name || options.help || !available.includes(name)) {
    console.error('Usage: npm run bench -- <scenario> [options]\n\nScenarios:');
    for (const s of available) {
      const scenario = require(path.join(SCENARIOS, s));
      console.error(`  ${s.padEnd(10)} ${scenario.description}\n  ${''.padEnd(10)} ${scenario.usage}`);
    }
    process.exit(name && !options.help ? 1 : 0);
  }

  const scenario = require(path.join(SCENARIOS, name));
  const log = (message) => console.error(`[bench] ${message}`);
  const { result, text } = await scenario.run(options, { log });

  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');

  console.log(text);
  console.log('');
  console.log(JSON.stringify(result, null, 2));
  log(`results written to ${path.relative(process.cwd(), file)}`);
};

main().catch((error) => {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exit(1);
});
