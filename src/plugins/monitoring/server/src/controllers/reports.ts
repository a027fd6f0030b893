import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { validate } from '../../../../../lib/validate';
import { reportCsv, type ReportName } from '../domain/report-table';
import { getService } from '../utils/get-service';

const reportQuery = z
  .object({
    months: z.coerce.number().int().min(1).max(24).default(6),
    days: z.coerce.number().int().min(1).max(365).default(30),
    // Data quality: recompute now instead of serving the stored result.
    refresh: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();
const csvQuery = reportQuery.extend({ section: z.string().regex(/^[A-Za-z]+$/).max(40).optional() }).strict();
/** Report routes (one per report, so each has its own action) and their CSV export. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const report = (name: ReportName) => ({
    async [name](ctx: any) {
      ctx.body = { data: await getService(strapi, 'reports').get(name, validate(reportQuery, ctx.query)) };
    },
  });
  const csv = (name: ReportName) => async (ctx: any) => {
    const { section, ...options } = validate(csvQuery, ctx.query);
    const data = await getService(strapi, 'reports').get(name, options);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${name}${section ? `-${section}` : ''}-${data.generatedAt.slice(0, 10)}.csv"`);
    ctx.body = reportCsv(data, section);
  };
  return {
    ...report('revenue'),
    ...report('credits'),
    ...report('content'),
    ...report('data-quality'),
    revenueCsv: csv('revenue'),
    creditsCsv: csv('credits'),
    contentCsv: csv('content'),
    dataQualityCsv: csv('data-quality'),
  };
};
