import { parse } from 'csv-parse/sync';
import { reportCsv, reportSections } from '../report-table';

const report = {
  days: 30,
  links: { content: '/admin/x' },
  byOperation: [
    { operation: 'content_generation', credits: 30, usd: 0.12 },
    { operation: 'says "hi", then\nleaves', credits: 2, usd: 0 },
  ],
  margin: { creditsBilled: 32, marginPct: null },
  checks: [{ id: 'dup', missing: { metaTitle: 2, metaDescription: 1 }, sample: [5, 6] }],
};

describe('reportSections', () => {
  it('takes arrays of records and single records as sections, not links or scalars', () => {
    const sections = reportSections(report);
    expect(sections.map((s) => s.section)).toEqual(['byOperation', 'margin', 'checks']);
    expect(sections[2].rows[0]).toEqual({ id: 'dup', 'missing.metaTitle': 2, 'missing.metaDescription': 1, sample: '5 6' });
  });
});

describe('reportCsv', () => {
  it('writes one header (section + union of columns) and quotes what needs quoting', () => {
    const csv = reportCsv(report);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual(['section', 'operation', 'credits', 'usd', 'creditsBilled', 'marginPct', 'id', 'missing.metaTitle', 'missing.metaDescription', 'sample']);
    expect(rows).toHaveLength(4);
    expect(rows[1].operation).toBe('says "hi", then\nleaves');
    expect(rows[2]).toEqual(expect.objectContaining({ section: 'margin', creditsBilled: '32', marginPct: '', operation: '' }));
    expect(csv).toContain('"says ""hi"", then\nleaves"');
  });

  it('exports one section when asked', () => {
    const rows = parse(reportCsv(report, 'margin'), { columns: true });
    expect(rows).toEqual([{ section: 'margin', creditsBilled: '32', marginPct: '' }]);
  });
});
