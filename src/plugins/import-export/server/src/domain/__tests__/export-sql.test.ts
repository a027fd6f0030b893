import { deriveDataset } from '../columns';
import { exportSelect, ident } from '../export-sql';
import { MODELS } from './fixtures';

describe('exportSelect', () => {
  const dataset = deriveDataset({ definition: { uid: 'api::keyword.keyword', import: false }, model: MODELS['api::keyword.keyword'], modelOf: (uid) => MODELS[uid], definitionOf: () => undefined });
  const { sql, headers } = exportSelect(dataset, 'SELECT id FROM keywords WHERE deleted_at IS NULL');

  it('selects every column under its attribute name, in id order, filtered by the selection', () => {
    expect(headers).toEqual(dataset.columns.map((c) => c.name));
    expect(sql).toMatch(/^SELECT .* FROM "keywords" t .* WHERE t.id IN \(SELECT id FROM keywords WHERE deleted_at IS NULL\) ORDER BY t.id$/);
  });

  it('renders relations by readable key, instants as ISO UTC, and defuses formulas in free text only', () => {
    expect(sql).toContain(`LEFT JOIN "keywords_site_lnk" l6 ON l6."keyword_id" = t.id LEFT JOIN "sites" r6 ON r6.id = l6."site_id"`);
    expect(sql).toContain(`to_char(t."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`);
    expect(sql).toContain(`CASE WHEN t."keyword" ~ '^[=+\\-@\\t\\r]' THEN '''' || t."keyword" ELSE t."keyword" END AS "keyword"`);
    expect(sql).toContain(`t."intent" AS "intent"`);
    expect(sql).toContain(`string_agg(`);
  });

  it('quotes identifiers', () => {
    expect(ident('we"ird')).toBe('"we""ird"');
  });
});
