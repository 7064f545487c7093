/**
 * Writes the synthetic persons CSV the ingestion benchmark loads:
 *   node --import tsx bench/persons-csv.ts ROWS FILE
 * It runs as a process of its own so that the generator's memory is not counted in the peak RSS
 * of the process that imports the file.
 */
import { writeCsv } from '../src/demo/csv-writer.ts';
import { generatePersons } from '../src/demo/index.ts';

export const PERSON_COLUMNS = [
  'id_number',
  'name',
  'gender',
  'birth_date',
  'ethnicity',
  'household_id',
  'address',
  'mobile',
  'marital_status',
  'education',
  'updated_at',
] as const;

export async function writePersonsCsv(file: string, rows: number): Promise<void> {
  await writeCsv(
    file,
    (function* () {
      for (const p of generatePersons('bench', rows))
        yield Object.fromEntries(PERSON_COLUMNS.map((c) => [c, p[c] ?? '']));
    })(),
    { columns: [...PERSON_COLUMNS] },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, file] = process.argv.slice(2);
  if (!rows || !file) throw new Error('usage: persons-csv.ts ROWS FILE');
  await writePersonsCsv(file, Number(rows));
}
