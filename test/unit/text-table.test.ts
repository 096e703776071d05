// `radar list` and `--once` on a terminal: the dashboard's sizing rule, in plain text.
import { describe, expect, it } from 'vitest';
import { renderTextTable, type TextColumn } from '../../src/text/text-table';
import { displayWidth } from '../../src/text/display-width';

interface Meeting {
  when: string;
  title: string;
  where: string;
}

const rows: Meeting[] = [
  { when: 'Wed 30 Dec 16:00 UTC', title: 'Interop Working Group Meeting', where: '#openstack-meeting-3' },
  { when: 'Wed 30 Dec 21:00 UTC', title: 'Swift Team Meeting', where: '#openstack-meeting' },
];
const columns: TextColumn<Meeting>[] = [
  { header: 'When', value: (row) => row.when },
  { header: 'Meeting', value: (row) => row.title, flexible: true },
  { header: 'Where', value: (row) => row.where },
];
const plain = (text: string) => text;

describe('renderTextTable', () => {
  it('into a pipe nothing is cut: each column as wide as its content, two spaces apart', () => {
    const [header, first] = renderTextTable(rows, columns, plain, null);
    expect(header).toBe(`When${' '.repeat(18)}Meeting${' '.repeat(24)}Where`);
    expect(first).toBe('Wed 30 Dec 16:00 UTC  Interop Working Group Meeting  #openstack-meeting-3');
  });

  it('on a narrow terminal the title gives way and the channel stays whole', () => {
    // 20 + 2 + 20 + 2 + 20 = 64 columns: the title gets 64 − 44 = 20.
    const lines = renderTextTable(rows, columns, plain, 64);
    expect(lines[1]).toBe('Wed 30 Dec 16:00 UTC  Interop Working Gro…  #openstack-meeting-3');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(64);
  });

  it('too narrow even then, the last column goes whole instead of being cut', () => {
    // 20 + 2 + 8 (the title at its narrowest) = 30 < 40 < 30 + 2 + 20; the title gets 40 − 22 = 18.
    const lines = renderTextTable(rows, columns, plain, 40);
    expect(lines[0]).not.toContain('Where');
    expect(lines[1]).toBe('Wed 30 Dec 16:00 UTC  Interop Working G…');
    expect(lines.join('\n')).not.toContain('#openstack');
  });
});
