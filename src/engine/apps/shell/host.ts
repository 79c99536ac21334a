// What the engine provides to one running shell (one container instance), and what the shell
// hands back when it stops to wait.

export interface ShellHost {
  /** virtual seconds */
  now(): number;
  /** wall clock of t=0, for `date` */
  epochMs: number;
  /** the pod name */
  hostname: string;
  env: Record<string, string>;
  fs: {
    read(path: string): string | undefined;
    /** null when written, else an error text like "can't create /x/y: nonexistent directory" */
    write(path: string, data: string, append: boolean): string | null;
    remove(path: string): boolean;
    exists(path: string): boolean;
    isDir(path: string): boolean;
    mkdirp(path: string): void;
    /** names of the entries of a directory */
    list(path: string): string[] | undefined;
  };
  /** one complete line, no trailing newline (the container log) */
  stdout(line: string): void;
  stderr(line: string): void;
  nslookup(name: string): { ok: true; address: string; fqdn: string } | { ok: false };
  /** wget/curl */
  http(url: string): { ok: true; status: number; body: string } | { ok: false; error: string };
  /** cluster DNS address nslookup prints as its server; default 10.96.0.10 (kubeadm's kube-dns ClusterIP) */
  dnsServer?: string;
}

export type ShellWait =
  /** resume at now+seconds */
  | { kind: 'sleep'; seconds: number }
  /** tail -f: resume when that file changes (or on a signal) */
  | { kind: 'file'; path: string }
  /** e.g. `sleep infinity`, `tail -f /dev/null` */
  | { kind: 'forever' }
  /** the process ended */
  | { kind: 'exit'; code: number };
