import { describe, expect, it } from 'vitest';
import { SARIF_SCHEMA } from './sarifSchema';
import { validateJsonSchema } from './validateJsonSchema';

const minimal = () => ({
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'R1' }] } }, results: [{ ruleId: 'R1', level: 'error', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a/b.yaml' }, region: { startLine: 3 } } }] }] }],
});

describe('SARIF 2.1.0 schema subset and its validator', () => {
  it('accepts a minimal valid log', () => {
    expect(validateJsonSchema(SARIF_SCHEMA, minimal())).toEqual([]);
  });
  it('rejects what the SARIF schema rejects: wrong version, unknown level, line 0, extra properties, missing message, empty message', () => {
    const bad = (mutate: (l: ReturnType<typeof minimal>) => void) => {
      const l = minimal();
      mutate(l);
      return validateJsonSchema(SARIF_SCHEMA, l);
    };
    expect(bad((l) => ((l as { version: string }).version = '2.0.0'))).toEqual(['$.version: must be one of "2.1.0"']);
    expect(bad((l) => ((l.runs[0].results[0] as { level: string }).level = 'fatal'))).toEqual(['$.runs[0].results[0].level: must be one of "none", "note", "warning", "error"']);
    expect(bad((l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0))).toEqual(['$.runs[0].results[0].locations[0].physicalLocation.region.startLine: must be >= 1']);
    expect(bad((l) => Object.assign(l.runs[0].results[0], { severity: 'high' }))).toEqual(['$.runs[0].results[0]: property severity is not allowed']);
    expect(bad((l) => delete (l.runs[0].results[0] as { message?: unknown }).message)).toEqual(['$.runs[0].results[0]: missing required property message']);
    expect(bad((l) => (l.runs[0].results[0].message = {} as { text: string }))[0]).toMatch(/^\$\.runs\[0\]\.results\[0\]\.message: must match one of 2 alternatives/);
    expect(bad((l) => l.runs[0].tool.driver.rules.push({ id: 'R1' }))).toEqual(['$.runs[0].tool.driver.rules: items must be unique']);
    expect(bad((l) => delete (l as { runs?: unknown }).runs)).toEqual(['$: missing required property runs']);
  });
  it('a property whose definition is outside the subset fails instead of passing unchecked', () => {
    const l = minimal();
    Object.assign(l.runs[0].results[0], { fixes: [{}] });
    expect(validateJsonSchema(SARIF_SCHEMA, l)).toEqual(['$.runs[0].results[0].fixes[0]: schema reference #/definitions/notModelledInPerimeterSubset is not in the schema']);
  });
});
