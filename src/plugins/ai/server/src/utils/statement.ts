import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** A PostgreSQL identifier, quoted (names come from Strapi's metadata, never from input). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const names = new Map<string, string>();

/**
 * Runs `sql` (`?` placeholders) as a named prepared statement: each pooled connection parses and plans
 * it once instead of on every run (the worker's statements have a fixed text per shape). The name is a
 * hash of the text, so one name never stands for two texts.
 */
export const runNamed = async (knex: Knex | Knex.Transaction, sql: string, bindings: readonly unknown[]): Promise<{ rows: any[]; rowCount: number }> => {
  let name = names.get(sql);
  if (!name) {
    name = `ai_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (names.size > 500) names.clear();
    names.set(sql, name);
  }
  return knex.raw(sql, bindings as any[]).options({ name }) as any;
};
