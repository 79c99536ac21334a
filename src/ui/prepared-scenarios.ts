/**
 * Scenarios loaded at build time: a bundled file's chunk carries, with its YAML, the model
 * the loader makes of it (bundled-scenarios-plugin.ts), so a page loads the scenarios it ships
 * without fetching the loader (js-yaml and the validators: scenario-loader-on-demand.ts). A
 * text is taken from here only when it is that file's, unedited, under the same file name
 * (the model carries the file name in its source locations); any other text goes through
 * the loader.
 */
import type { Scenario } from '../scenario/model';

const prepared: { file: string; text: string; scenario: Scenario }[] = [];

/** remember the build-time model of a bundled file's text (loaded under the file name it carries) */
export function rememberPrepared(text: string, scenario: Scenario): void {
  const file = scenario.file;
  if (!prepared.some((p) => p.file === file && p.text === text)) prepared.push({ file, text, scenario });
}

/** the build-time model of exactly this text under this file name, if a bundled file is it */
export function preparedScenario(text: string, file: string): Scenario | undefined {
  return prepared.find((p) => p.file === file && p.text === text)?.scenario;
}
