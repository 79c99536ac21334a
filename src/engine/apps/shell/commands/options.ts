// Minimal getopt for the simulated utilities: short flags (combinable: -qO-, -n5), options
// taking a value, `--` ending options; long options are mapped to short ones by the caller.

export interface ParsedOptions {
  flags: Record<string, string | true>;
  operands: string[];
  error: string | null;
}

/**
 * `flags` lists letters without a value, `valued` letters taking one; `long` maps `--name` (or
 * `--name=value`) to a letter. Unknown options give an error naming them, as busybox does.
 */
export function parseOptions(args: string[], flags: string, valued: string, long: Record<string, string> = {}): ParsedOptions {
  const out: ParsedOptions = { flags: {}, operands: [], error: null };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const letter = long[name];
      if (!letter) {
        out.error = `unrecognized option '${a}'`;
        return out;
      }
      if (valued.includes(letter)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) {
          out.error = `option '${a}' requires an argument`;
          return out;
        }
        out.flags[letter] = v;
      } else out.flags[letter] = true;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      out.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (valued.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          out.error = `option requires an argument -- '${c}'`;
          return out;
        }
        out.flags[c] = v;
        break;
      }
      if (!flags.includes(c)) {
        out.error = `invalid option -- '${c}'`;
        return out;
      }
      out.flags[c] = true;
    }
  }
  out.operands.push(...args.slice(i));
  return out;
}
