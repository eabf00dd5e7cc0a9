// npm run bench: runs every scripts/bench/*.bench.ts (or those whose file name contains an argument) and prints
// medians; `--json FILE` also writes the results; BENCH_NAME=text keeps the benches whose name contains it.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { formatResult, runBench, type Bench, type BenchResult } from './bench/harness';

async function mainBench(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const filters = args.filter((_a, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1));
  const dir = path.join(__dirname, 'bench');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const results: BenchResult[] = [];
  console.log(`node ${process.version}, ${cpus().length} cores`);
  for (const f of files) {
    console.log(`\n# ${f}`);
    // A file that exports no `benches` runs and reports on import (a self-contained script).
    const mod = (await import(path.join(dir, f))) as { benches?: readonly Bench[] };
    // BENCH_NAME=text runs only the benches whose name contains it (the 150k ones take minutes each).
    for (const b of (mod.benches ?? []).filter((x) => !process.env.BENCH_NAME || x.name.includes(process.env.BENCH_NAME))) {
      const r = await runBench(b);
      results.push(r);
      console.log(formatResult(r));
      if (b.note) console.log(`  ${b.note()}`);
    }
  }
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));
}

mainBench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
