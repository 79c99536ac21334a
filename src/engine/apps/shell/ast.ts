// The parsed shell script. Every node is plain data (no classes, no functions), so a running
// interpreter that holds references to nodes can be checkpointed with structuredClone or JSON.

/** 1-based position in the script. */
export interface Pos {
  line: number;
  column: number;
}

export type WordPart =
  /** literal text; `q` = it came from quotes (no field splitting, no globbing) */
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'param'; name: string; op: ParamOp | null; arg: Word | null; q: boolean }
  | { t: 'cmd'; body: ListNode; q: boolean }
  | { t: 'arith'; expr: ArithNode; q: boolean };

/** `${#x}` is op 'length'; the others are the POSIX forms `${x:-w}` … `${x%%w}`. */
export type ParamOp = 'length' | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%';

export interface Word {
  parts: WordPart[];
  pos: Pos;
  /** true when some part (at any depth) is a command substitution, which needs the step machine */
  async: boolean;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '<>' | '&>' | '&>>' | '<<' | '<<<';

export interface Redir {
  fd: number;
  op: RedirOp;
  /** for `<<` the here-document body, for the others the file / fd word */
  target: Word;
  pos: Pos;
}

export interface Assign {
  name: string;
  value: Word;
}

export interface SimpleNode {
  t: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  pos: Pos;
  async: boolean;
}

export interface GroupNode {
  t: 'group';
  body: ListNode;
  redirs: Redir[];
  pos: Pos;
}

export interface SubshellNode {
  t: 'subshell';
  body: ListNode;
  redirs: Redir[];
  pos: Pos;
}

export interface IfNode {
  t: 'if';
  clauses: { cond: ListNode; body: ListNode }[];
  elseBody: ListNode | null;
  redirs: Redir[];
  pos: Pos;
}

export interface LoopNode {
  t: 'loop';
  until: boolean;
  cond: ListNode;
  body: ListNode;
  redirs: Redir[];
  pos: Pos;
}

export interface ForNode {
  t: 'for';
  name: string;
  /** null: `for x; do` iterates over "$@" */
  items: Word[] | null;
  body: ListNode;
  redirs: Redir[];
  pos: Pos;
}

export interface CaseNode {
  t: 'case';
  word: Word;
  arms: { patterns: Word[]; body: ListNode }[];
  redirs: Redir[];
  pos: Pos;
}

export interface FuncDefNode {
  t: 'funcdef';
  name: string;
  body: CommandNode;
  pos: Pos;
}

export type CommandNode = SimpleNode | GroupNode | SubshellNode | IfNode | LoopNode | ForNode | CaseNode | FuncDefNode;

export interface PipelineNode {
  t: 'pipeline';
  bang: boolean;
  cmds: CommandNode[];
  pos: Pos;
}

export interface AndOrNode {
  t: 'andor';
  first: PipelineNode;
  rest: { op: '&&' | '||'; p: PipelineNode }[];
  background: boolean;
  pos: Pos;
}

export interface ListNode {
  t: 'list';
  items: AndOrNode[];
}

export type ArithNode =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string }
  | { t: 'unary'; op: '-' | '+' | '!' | '~'; e: ArithNode }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; name: string }
  | { t: 'bin'; op: string; l: ArithNode; r: ArithNode }
  | { t: 'assign'; op: string; name: string; e: ArithNode }
  | { t: 'cond'; c: ArithNode; a: ArithNode; b: ArithNode };

/** A compiled script: what `compileShell` returns and `startShell` runs. */
export interface ShellProgram {
  source: string;
  body: ListNode;
}
