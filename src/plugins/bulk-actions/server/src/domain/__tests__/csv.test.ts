import { csvField, failureReportCsv } from '../csv';

describe('csv', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes the failure report with a header', () => {
    expect(failureReportCsv([{ id: 7, documentId: 'abc', reason: 'cluster belongs to another account' }])).toBe(
      'id,documentId,reason\r\n7,abc,cluster belongs to another account\r\n'
    );
  });
});
