import { describe, expect, it } from 'vitest';
import { crc32, toXlsx } from './xlsx';

/** The stored files of a ZIP, read back by walking its local headers. */
function unzipStored(zip: Uint8Array): Map<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, string>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength;
    const data = zip.subarray(start, start + size);
    expect(crc32(data), name).toBe(view.getUint32(at + 14, true));
    out.set(name, new TextDecoder().decode(data));
    at = start + size;
  }
  return out;
}

describe('Excel export', () => {
  it('when the CRC of the standard check string is computed, then it is CBF43926', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('when a table is exported, then the workbook holds its header, text and numbers in order', () => {
    const files = unzipStored(
      toXlsx(
        'Vi phạm',
        ['Tuyến', 'Số'],
        [
          ['Quốc lộ 1 <A&B>', 1234.5],
          ['ĐT282', null],
        ],
      ),
    );
    expect([...files.keys()]).toContain('xl/worksheets/sheet1.xml');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Tuyến</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">Quốc lộ 1 &lt;A&amp;B&gt;</t>');
    expect(sheet).toContain('<c r="B2"><v>1234.5</v></c>');
    expect(sheet).not.toContain('r="B3"');
    expect(files.get('xl/workbook.xml')).toContain('name="Vi phạm"');
  });
});
