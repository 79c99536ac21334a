/**
 * What the engine gives a native program (a log shipper) of one container instance.
 * The kubelet side (src/engine/kubelet/shell-host.ts) routes the requests and records
 * the data flows; the program stays plain data and pure.
 */
import type { ContainerFs } from '../container-fs';
import type { ShipOutput } from './shipper-config';

export interface ProgramHost {
  /** virtual seconds */
  now(): number;
  /** wall clock of t=0 */
  epochMs: number;
  fs: ContainerFs;
  env: Record<string, string>;
  /** the container's command and args */
  argv: string[];
  stdout(line: string): void;
  stderr(line: string): void;
  /** new lines were read from `path` (a file another container may have written) */
  read(path: string, lines: string[]): void;
  /** send one line to an output; arrived = stored or accepted by the destination */
  ship(output: Exclude<ShipOutput, { kind: 'stdout' }>, line: string): { arrived: boolean; error?: string };
}
