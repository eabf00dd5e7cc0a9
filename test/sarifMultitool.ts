// Test helper: validates a SARIF log with Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, the official
// validator): the SARIF 2.1.0 JSON schema, the SARIF rules (SARIF1xxx errors, SARIF2xxx best practices) and the
// GitHub code scanning ingestion rules (GH1xxx), everything down to notes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';

/** One thing the validator reports about a log. */
export interface SarifProblem {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  /** e.g. `Note_ProvideHelpUri`: which of a rule's messages, so a test can accept one and not the others. */
  readonly messageId: string;
  readonly text: string;
}

/**
 * Notes and warnings every Perimeter log gets, on purpose. Anything else the validator reports is a failure.
 * Keyed by `ruleId/messageId`.
 */
export const ACCEPTED: Readonly<Record<string, string>> = {
  'SARIF2002/Note_Default': 'messages are plain text (message.text), not message strings with arguments',
  'SARIF2003/Note_Default': 'no versionControlProvenance: Perimeter reads manifest files and does not know their repository',
  'SARIF2005/Warning_ProvideToolnformationUri': 'no informationUri: Perimeter has no public home page to point at',
  'SARIF2009/Note_UseConventionalRuleIds': 'rule ids are PER-NET-*/PER-RBAC-* (documented in docs/rules.md and used in configs), not ABC1234',
  'SARIF2010/Note_Default': 'no code snippets: the location is the manifest object, the evidence is in the message and properties',
  'SARIF2011/Note_Default': 'no context regions, for the same reason',
  'SARIF2012/Note_ProvideHelpUri': 'no helpUri: the help text is inline (help.text and help.markdown)',
};

const here = path.dirname(new URL(import.meta.url).pathname);
// Off in tests: SARIF2006 (UrisShouldBeReachable) fetches every URI in the log over HTTP; tests stay offline.
const CONFIG = path.join(here, 'sarifMultitool.config.xml');

function multitool(): string {
  const require = createRequire(import.meta.url);
  return require('@microsoft/sarif-multitool') as string; // the package exports the path of its platform binary
}

/** Every problem the Multitool finds in `log`, at every level. Throws when the tool did not run or analysed nothing. */
export function validateSarif(log: Log | unknown): SarifProblem[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'perimeter-sarif-'));
  try {
    const input = path.join(dir, 'input.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, JSON.stringify(log, null, 2));
    const r = spawnSync(multitool(), ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note', '--rule-kind', 'Sarif;Ghas', '--config', CONFIG, '--quiet'], {
      encoding: 'utf8',
      // .NET needs ICU for culture data unless told to run culture-invariant; invariant is all a validator needs.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      timeout: 60_000,
    });
    if (r.error || r.status !== 0) throw new Error(`SARIF Multitool failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}${r.stdout}`);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Log;
    const run = validation.runs[0];
    const rules = new Map((run.tool.driver.rules ?? []).map((x) => [x.id, x]));
    const problems = (run.results ?? []).map((x): SarifProblem => {
      const messageId = x.message.id ?? '';
      const template = rules.get(x.ruleId ?? '')?.messageStrings?.[messageId]?.text ?? x.message.text ?? '';
      const text = template.replace(/\{(\d+)\}/g, (_, i: string) => x.message.arguments?.[Number(i)] ?? '');
      return { ruleId: x.ruleId ?? '', level: (x.level ?? 'warning') as SarifProblem['level'], messageId, text };
    });
    // Every log gets a note or two at least (none of ours has versionControlProvenance, SARIF2003), so silence means
    // the log was not analysed: the Multitool skips, without a word, a log it cannot deserialize (e.g. a `level`
    // outside the schema's enum).
    if (problems.length === 0) throw new Error('SARIF Multitool analysed nothing: the log does not deserialize (an enum value outside the schema?)');
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The problems not in ACCEPTED, as `ruleId level: text` lines (so a failing test prints what is wrong). */
export function unacceptedSarifProblems(log: Log | unknown): string[] {
  return validateSarif(log)
    .filter((p) => !(`${p.ruleId}/${p.messageId}` in ACCEPTED))
    .map((p) => `${p.ruleId} ${p.level}: ${p.text}`);
}
