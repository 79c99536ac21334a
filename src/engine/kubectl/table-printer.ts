/**
 * kubectl's human-readable table output (k8s.io/cli-runtime/pkg/printers/tableprinter.go):
 * upper-cased column names, priority-1 columns only with -o wide, a leading NAMESPACE
 * column with -A, `kind/name` in the name column when several kinds are printed,
 * a trailing LABELS column with --show-labels; cells tab-separated (no trailing tab),
 * then aligned by the tabwriter. No header when there are no rows.
 */
import { KUBECTL_GET_TABWRITER, tabwrite } from '../format/tab-writer';
import { formatLabels } from './label-selector';

export interface TableColumn {
  /** as in the server's column definitions, e.g. "Nominated Node" */
  name: string;
  /** 1 = only with -o wide */
  priority?: 0 | 1;
  /** "name" marks the column that gets the kind prefix */
  format?: 'name';
}

export interface TableRow {
  cells: string[];
  namespace: string;
  labels: Record<string, string>;
}

export interface Table {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableOptions {
  wide: boolean;
  showLabels: boolean;
  withNamespace: boolean;
  /** e.g. "pod", "deployment.apps"; set when more than one kind is printed */
  kindPrefix?: string;
  noHeaders?: boolean;
}

/** the unaligned, tab-separated text of one table (empty when it has no rows) */
export function tableText(table: Table, opts: TableOptions): string {
  if (table.rows.length === 0) return '';
  const visible = table.columns.map((c) => opts.wide || !c.priority);
  const nameColumn = opts.kindPrefix ? table.columns.findIndex((c) => c.format === 'name') : -1;
  let out = '';
  if (!opts.noHeaders) {
    const headers: string[] = [];
    if (opts.withNamespace) headers.push('NAMESPACE');
    table.columns.forEach((c, i) => visible[i] && headers.push(c.name.toUpperCase()));
    if (opts.showLabels) headers.push('LABELS');
    out += headers.join('\t') + '\n';
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (opts.withNamespace) cells.push(row.namespace);
    row.cells.forEach((cell, i) => {
      if (!visible[i]) return;
      let text = i === nameColumn ? `${opts.kindPrefix}/${cell}` : cell;
      // a cell is cut at the first newline, carriage return or form feed
      const brk = text.search(/[\f\n\r]/);
      if (brk >= 0) text = text.slice(0, brk) + '...';
      cells.push(text);
    });
    if (opts.showLabels) cells.push(formatLabels(row.labels));
    out += cells.join('\t') + '\n';
  }
  return out;
}

/** one table, aligned as `kubectl get` prints it */
export function printTable(table: Table, opts: TableOptions): string {
  return tabwrite(tableText(table, opts), KUBECTL_GET_TABWRITER);
}
