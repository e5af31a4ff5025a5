import type { BenchSection } from './section';

/** A section as an aligned text table: numbers right-aligned, text left-aligned, notes below. */
export function formatSection(section: BenchSection): string {
  const lines = [`== ${section.name}`];
  const columns: string[] = [];
  for (const row of section.rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  if (columns.length > 0) {
    const cell = (value: string | number | null | undefined) => (value === null || value === undefined ? '-' : String(value));
    const numeric = columns.map((column) =>
      section.rows.every((row) => row[column] === null || row[column] === undefined || typeof row[column] === 'number'),
    );
    const widths = columns.map((column) => Math.max(column.length, ...section.rows.map((row) => cell(row[column]).length)));
    const pad = (text: string, index: number) => (numeric[index] ? text.padStart(widths[index]) : text.padEnd(widths[index]));
    lines.push(
      columns
        .map((column, index) => pad(column, index))
        .join('  ')
        .trimEnd(),
    );
    lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const row of section.rows)
      lines.push(
        columns
          .map((column, index) => pad(cell(row[column]), index))
          .join('  ')
          .trimEnd(),
      );
  } else {
    lines.push('(no rows)');
  }
  for (const note of section.notes ?? []) lines.push(`  * ${note}`);
  return lines.join('\n');
}
