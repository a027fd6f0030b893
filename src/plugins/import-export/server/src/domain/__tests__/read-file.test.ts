import ExcelJS from 'exceljs';
import { BadFileError, dataRows, detectFormat, inspect } from '../read-file';

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
