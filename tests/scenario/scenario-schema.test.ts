import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_FIELDS } from '../../src/scenario/app-spec';
import { SPEC_FIELDS } from '../../src/scenario/scenario-document';

const schema = JSON.parse(readFileSync(join(__dirname, '../../public/scenario.schema.json'), 'utf8'));

describe('public/scenario.schema.json', () => {
  it('is a draft 2020-12 schema that applies only to the Scenario document', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.if.properties.kind.const).toBe('Scenario');
    expect(schema.then.$ref).toBe('#/$defs/Scenario');
    expect(schema.$defs.Scenario.properties.apiVersion.const).toBe('podsim/v1alpha1');
  });

  it('lists exactly the fields the loader accepts', () => {
    expect(Object.keys(schema.$defs.ScenarioSpec.properties).sort()).toEqual([...SPEC_FIELDS].sort());
    expect(Object.keys(schema.$defs.App.properties).sort()).toEqual([...APP_FIELDS].sort());
    expect(schema.$defs.ScenarioSpec.additionalProperties).toBe(false);
    expect(schema.$defs.App.additionalProperties).toBe(false);
  });

  it('has a duration pattern that accepts what the loader accepts', () => {
    const pattern = new RegExp(schema.$defs.Duration.oneOf[1].pattern);
    for (const ok of ['30s', '2m30s', '500ms', '1h', '1.5s', '90']) expect(pattern.test(ok)).toBe(true);
    for (const bad of ['5x', '1m30 ', 'ten']) expect(pattern.test(bad)).toBe(false);
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/[A-Za-z]+"/g) ?? [];
    for (const ref of refs) expect(schema.$defs).toHaveProperty(ref.replace(/.*\//, '').replace('"', ''));
  });
});
