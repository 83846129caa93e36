// Writes the small Parquet fixtures of LongFormatParquetTests with DuckDB (another tool than ours, as pandas, polars
// and statsforecast users would hand files over). Run once; the .parquet files are committed, so the tests need only
// the repository.
//   d=$(mktemp -d) && cp make-fixtures.mjs "$d" && (cd "$d" && npm install @duckdb/node-api@1.5.6-r.1 && node make-fixtures.mjs "$OLDPWD")
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2] ?? '.';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const write = (sql, name, options = '') => c.run(`COPY (${sql}) TO '${dir}/${name}' (FORMAT parquet${options})`);

// ds as strings (yearly and quarterly), y double with a null (a missing value).
await write(`SELECT * FROM (VALUES
  ('a', '2001', 1.5::DOUBLE), ('a', '2002', NULL), ('a', '2003', 3.25),
  ('b', '2020-Q1', 10.0), ('b', '2020-Q2', 11.0), ('b', '2020-Q3', 12.5), ('b', '2020-Q4', 13.0))
  AS t(unique_id, ds, y)`, 'strings.parquet');

// ds as 64-bit integers (years), y double with a null; row groups of 2 rows, so series run across row groups.
await write(`SELECT * FROM (VALUES
  ('x', 1990::BIGINT, 100.0::DOUBLE), ('x', 1991, 101.0), ('x', 1992, NULL), ('x', 1993, 104.0),
  ('y', 2000, 5.0), ('y', 2001, 6.0), ('y', 2002, 7.0))
  AS t(unique_id, ds, y)`, 'integers.parquet', ', ROW_GROUP_SIZE 2');

// ds as dates: yearly, quarterly and monthly series; y double.
await write(`SELECT * FROM (VALUES
  ('yearly', DATE '2001-01-01', 1.0::DOUBLE), ('yearly', DATE '2002-01-01', 2.0), ('yearly', DATE '2004-01-01', 4.0),
  ('quarterly', DATE '2020-01-01', 1.0), ('quarterly', DATE '2020-04-01', 2.0), ('quarterly', DATE '2020-07-01', 3.0),
  ('monthly', DATE '2020-11-01', 1.0), ('monthly', DATE '2020-12-01', 2.0), ('monthly', DATE '2021-01-01', NULL))
  AS t(unique_id, ds, y)`, 'dates.parquet');

// ds as timestamps (pandas' datetime64), y float, an extra column that is ignored.
await write(`SELECT * FROM (VALUES
  ('t', TIMESTAMP '2010-12-31 00:00:00', 1.5::FLOAT, 'x'), ('t', TIMESTAMP '2011-12-31 00:00:00', 2.5, 'y'))
  AS t(unique_id, ds, y, note)`, 'timestamps.parquet');

// A series whose rows come back after another series': an error naming it and the row.
await write(`SELECT * FROM (VALUES
  ('a', 2001::BIGINT, 1.0::DOUBLE), ('a', 2002, 2.0), ('b', 2001, 1.0), ('a', 2003, 3.0))
  AS t(unique_id, ds, y)`, 'reappearing.parquet');
