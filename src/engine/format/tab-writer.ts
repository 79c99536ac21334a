/**
 * Go's text/tabwriter (src/text/tabwriter/tabwriter.go), as kubectl configures it.
 *
 * Cells are tab-terminated; the text after a line's last tab is not part of any
 * column. A column is sized per *block* of consecutive lines that have a cell in
 * it: width = max(minwidth, widest cell + padding). A line with fewer cells ends
 * the block, which is why `kubectl describe` aligns values in groups.
 */

export interface TabWriterConfig {
  minwidth: number;
  tabwidth: number;
  padding: number;
}

/**
 * kubectl get/top: printers.GetNewTabWriter (k8s.io/cli-runtime/pkg/printers/tabwriter.go):
 * minwidth 6, tabwidth 4, padding 3, pad char ' '. Its RememberWidths flag only matters across
 * flushes, and kubectl resets the remembered widths between resource kinds.
 */
export const KUBECTL_GET_TABWRITER: TabWriterConfig = { minwidth: 6, tabwidth: 4, padding: 3 };

/** kubectl describe: tabbedString() in k8s.io/kubectl/pkg/describe/describe.go: Init(buf, 0, 8, 2, ' ', 0). */
export const KUBECTL_DESCRIBE_TABWRITER: TabWriterConfig = { minwidth: 0, tabwidth: 8, padding: 2 };

interface Cell {
  text: string;
  /** width in runes, as tabwriter counts (utf8.RuneCount) */
  width: number;
}

function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Aligns tab-separated text exactly as a Go tabwriter with pad char ' ' and no flags would on Flush. */
export function tabwrite(text: string, cfg: TabWriterConfig): string {
  if (text === '') return '';
  const endsWithNewline = text.endsWith('\n');
  const rawLines = text.split('\n');
  if (endsWithNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((l) => l.split('\t').map((t) => ({ text: t, width: runeWidth(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - c.width));
      });
      out.push(s);
      // the last buffered line without a newline is written without one
      if (i + 1 < lines.length || endsWithNewline) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      // a cell exists in this column: print the lines before the block, then size the block
      writeLines(line0, cur);
      line0 = cur;
      let width = cfg.minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur];
        if (column >= line.length - 1) break;
        const w = line[column].width + cfg.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}

/**
 * Streaming form of the same writer: text accumulates until flush(), which aligns it
 * (kubectl describe flushes before its Events table; kubectl get before each kind).
 */
export class TabWriter {
  private pending = '';
  private done = '';

  constructor(private readonly cfg: TabWriterConfig) {}

  write(text: string): void {
    this.pending += text;
  }

  flush(): void {
    this.done += tabwrite(this.pending, this.cfg);
    this.pending = '';
  }

  /** flushes and returns everything written so far */
  finish(): string {
    this.flush();
    return this.done;
  }
}
