// Administrative connections to the test PostgreSQL server (create/drop databases).
const { Client } = require('pg');

const withDatabase = async (url, fn) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

module.exports = { withDatabase };
