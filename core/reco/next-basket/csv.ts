/** A parsed delimited table. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t', '|'].map((delimiter) => ({ delimiter, n: firstLine.split(delimiter).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.delimiter;
}

/** Parses CSV/TSV with quoted fields (RFC 4180 quoting); the delimiter is detected from the header line. */
export function parseCsv(text: string): CsvTable {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 1; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field); field = '';
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
    } else field += ch;
  }
  record.push(field);
  if (record.some((value) => value !== '')) records.push(record);
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim()), rows };
}
