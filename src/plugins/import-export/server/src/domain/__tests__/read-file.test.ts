import ExcelJS from 'exceljs';
import { BadFileError, dataBatches, dataRows, detectFormat, inspect } from '../read-file';

const collect = async (it: AsyncIterable<any>) => {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('read-file', () => {
  it('reads CSV with a BOM, quotes and line breaks, numbering records', async () => {
    const file = Buffer.from('\ufeffkeyword,note\r\nboots,"a, ""b"""\r\n"two\nlines",x\r\n');
    expect(await inspect(file, 'csv')).toEqual({ headers: ['keyword', 'note'], rows: 2 });
    expect(await collect(dataRows(file, 'csv'))).toEqual([
      { line: 2, cells: ['boots', 'a, "b"'] },
      { line: 3, cells: ['two\nlines', 'x'] },
    ]);
  });

  it('hands records on in arrays, across the 1 MB slices it feeds the parser, quoted line breaks included', async () => {
    const lines = ['keyword,note'];
    for (let i = 1; i <= 30000; i++) lines.push(i % 7000 === 0 ? `kw ${i},"two\nlines, ${'x'.repeat(40)}"` : `kw ${i},${'n'.repeat(40)}`);
    const file = Buffer.from(lines.join('\r\n') + '\r\n');
    expect(file.length).toBeGreaterThan(1 << 20);
    const batches = await collect(dataBatches(file, 'csv', 1000));
    // Up to 1,000 per array (fewer where a slice's records run out: what is parsed is handed on).
    expect(batches.length).toBeGreaterThanOrEqual(30);
    expect(batches.every((b) => b.length > 0 && b.length <= 1000)).toBe(true);
    const rows = batches.flat();
    expect(rows).toHaveLength(30000);
    expect(rows.every((r, i) => r.line === i + 2)).toBe(true);
    expect(rows[0]).toEqual({ line: 2, cells: ['kw 1', 'n'.repeat(40)] });
    expect(rows[6999]).toEqual({ line: 7001, cells: ['kw 7000', `two\nlines, ${'x'.repeat(40)}`] });
    expect(rows[29999].cells[0]).toBe('kw 30000');
    expect(await inspect(file, 'csv')).toEqual({ headers: ['keyword', 'note'], rows: 30000 });
  });

  it('reads the first worksheet of an XLSX file with typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('k');
    sheet.addRow(['keyword', 'volume']);
    sheet.addRow(['boots', 12]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFormat('export.bin', file)).toBe('xlsx');
    expect(await collect(dataRows(file, 'xlsx'))).toEqual([{ line: 2, cells: ['boots', 12] }]);
  });

  it('rejects unreadable files and bad headers with a reason', async () => {
    await expect(inspect(Buffer.from('a,b\n"x\n'), 'csv')).rejects.toThrow(BadFileError);
    await expect(inspect(Buffer.from('a,,c\n1,2,3\n'), 'csv')).rejects.toThrow('column 2 of the header row has no name');
    await expect(inspect(Buffer.from(''), 'csv')).rejects.toThrow('no header row');
    await expect(inspect(Buffer.from('PK garbage'), 'xlsx')).rejects.toThrow(BadFileError);
    expect(detectFormat('notes.pdf', Buffer.from('%PDF'))).toBeUndefined();
  });
});
