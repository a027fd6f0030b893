import type { Core } from '@strapi/strapi';
import { MOVE_PARAMS } from './ledger-functions';

type Knex = Core.Strapi['db']['connection'];

/** The parts of knex's client and of a pg connection this file uses. */
interface PgConnection {
  __knexUid?: string;
  __knexTxId?: string;
  query(config: { name: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): unknown;
  emit(event: 'query', query: Record<string, unknown>): unknown;
}

/**
 * `credit_move` as a named prepared statement: each connection parses and plans it once (about 15% of
 * a debit's work inside the database) and then only binds and executes it. The parameter types are
 * fixed here, so PostgreSQL does not infer them per connection.
 */
export const MOVE_STATEMENT = {
  name: 'credits.credit_move',
  text: `SELECT credit_move(${MOVE_PARAMS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})`,
};

/**
 * Runs `credit_move` with its 16 values and returns its jsonb answer as PostgreSQL sent it (text under
 * Strapi's type parsers). Sent straight on the pg connection, not through `knex.raw`: the query
 * builder, binding rewriting, the runner, result post-processing and their promises added 85 to 120 µs
 * of app CPU per call (credits README, performance notes), and nothing here needs them. knex's 'query'
 * event is still emitted.
 *
 * `knex` is the pool's knex or a transaction's: a transaction's client hands out its own connection
 * and its release is a no-op, so the move joins that transaction. A finished transaction is refused
 * the way knex refuses it, rather than running the move outside it.
 */
export const runMove = async (knex: Knex, values: unknown[]): Promise<unknown> => {
  const trx = knex as unknown as { isCompleted?: () => boolean };
  if (trx.isCompleted?.()) throw new Error('Transaction query already complete: credit_move not run');
  const client = (knex as unknown as { client: KnexClient }).client;
  const connection = await client.acquireConnection();
  try {
    // knex's own 'query' event, as knex.raw would emit it: query counters and debug logs still see the move.
    const { __knexUid, __knexTxId } = connection;
    client.emit('query', { __knexUid, __knexTxId, method: 'raw', sql: MOVE_STATEMENT.text, bindings: values, options: { name: MOVE_STATEMENT.name } });
    const { rows } = await connection.query({ ...MOVE_STATEMENT, values, rowMode: 'array' });
    return rows[0][0];
  } finally {
    client.releaseConnection(connection);
  }
};
