// duckdb.mjs CSV OUTDIR - the benchmark's aggregations in DuckDB (@duckdb/node-api,
// default threads), end to end: read the CSV, run every query, write each
// result to OUTDIR/<name>.csv.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [csv, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
// amounts are 万元 with 6 decimals: DECIMAL(18,6) is exact; ×1000000 gives 分
await c.run(`CREATE TABLE items AS SELECT dept, unit, unit_type, func, econ, gov, fund, carry, kind, project,
  CAST(amount * 1000000 AS BIGINT) AS amount
  FROM read_csv('${csv}', header = true, all_varchar = false,
    names = ['dept','unit','unit_type','func','econ','gov','fund','carry','kind','project','amount'],
    types = {'func':'VARCHAR','econ':'VARCHAR','gov':'VARCHAR','amount':'DECIMAL(18,6)','project':'VARCHAR'})`);
const sql = readFileSync(join(here, 'queries.sql'), 'utf8');
for (const part of sql.split('--@ ').slice(1)) {
  const name = part.slice(0, part.indexOf(':'));
  const q = part.slice(part.indexOf('\n') + 1).trim().replace(/;$/, '');
  await c.run(`COPY (${q}) TO '${join(out, name + '.csv')}' (HEADER)`);
}
