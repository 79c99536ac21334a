// Network clients: busybox nslookup (networking/nslookup.c), busybox wget (networking/wget.c),
// curl. Lookups and requests take no virtual time; what they find is the engine's answer.
import type { CommandContext, CommandImpl } from '../command-context';
import { baseName } from '../paths';
import { parseOptions } from './options';

/** kubeadm's default kube-dns ClusterIP */
export const DEFAULT_DNS_SERVER = '10.96.0.10';

export const nslookup: CommandImpl = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (name === undefined) {
    ctx.err('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const server = args[1] ?? ctx.host.dnsServer ?? DEFAULT_DNS_SERVER;
  ctx.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const r = ctx.host.nslookup(name);
  if (!r.ok) {
    ctx.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  ctx.out(`Name:\t${r.fqdn}\nAddress: ${r.address}\n\n`);
  return 0;
};

/** Reason phrases for the status line (net/http's StatusText). */
export const REASON_PHRASES: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
  304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 418: "I'm a teapot", 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function normalizeUrl(url: string): string {
  return /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
}

function hostPort(url: string): { host: string; port: string; path: string } {
  const m = /^([a-z]+):\/\/([^/:?#]+)(?::([0-9]+))?([^?#]*)/i.exec(url);
  if (!m) return { host: url, port: '80', path: '/' };
  return { host: m[2], port: m[3] ?? (m[1].toLowerCase() === 'https' ? '443' : '80'), path: m[4] || '/' };
}

export const wget: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'qScsY', 'OTtUPHe', {
    quiet: 'q', spider: 's', 'output-document': 'O', timeout: 'T', tries: 't', 'user-agent': 'U',
    header: 'H', 'no-check-certificate': 'Y', 'server-response': 'S', continue: 'c',
    'directory-prefix': 'P', 'no-verbose': 'q',
  });
  if (o.error) {
    ctx.err(`wget: ${o.error}\n`);
    return 1;
  }
  const quiet = !!o.flags.q;
  const spider = !!o.flags.s;
  if (o.operands.length === 0) {
    ctx.err('Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [--post-data STR | --post-file FILE] [-Y on/off] [-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  let status = 0;
  for (const raw of o.operands) {
    const url = normalizeUrl(raw);
    const { host, port, path } = hostPort(url);
    const r = ctx.host.http(url);
    if (!quiet) ctx.err(`Connecting to ${host}:${port} (${host}:${port})\n`);
    if (!r.ok) {
      ctx.err(`wget: ${r.error}\n`);
      status = 1;
      continue;
    }
    if (r.status >= 400) {
      ctx.err(`wget: server returned error: HTTP/1.1 ${r.status} ${REASON_PHRASES[r.status] ?? ''}`.trimEnd() + '\n');
      status = 1;
      continue;
    }
    if (spider) {
      if (!quiet) ctx.err('remote file exists\n');
      continue;
    }
    const out = typeof o.flags.O === 'string' ? o.flags.O : baseName(path) || 'index.html';
    if (out === '-') {
      ctx.out(r.body);
      continue;
    }
    if (!quiet) ctx.err(`saving to '${out}'\n`);
    const err = ctx.host.fs.write(ctx.resolve(out), r.body, false);
    if (err !== null) {
      ctx.err(`wget: can't open '${out}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (!quiet) ctx.err(`'${out}' saved\n`);
  }
  return status;
};

function curlFailure(ctx: CommandContext, showErrors: boolean, code: number, message: string): number {
  if (showErrors) ctx.err(`curl: (${code}) ${message}\n`);
  return code;
}

export const curl: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'sSfLkviIOgN', 'oXHdmwAue', {
    silent: 's', 'show-error': 'S', fail: 'f', output: 'o', location: 'L', insecure: 'k', verbose: 'v',
    include: 'i', head: 'I', request: 'X', header: 'H', data: 'd', 'max-time': 'm', 'write-out': 'w',
    'user-agent': 'A', 'remote-name': 'O', 'connect-timeout': 'e', user: 'u', 'fail-with-body': 'f', globoff: 'g',
    'no-buffer': 'N',
  });
  if (o.error) {
    ctx.err(`curl: option ${o.error}\ncurl: try 'curl --help' for more information\n`);
    return 2;
  }
  const showErrors = !o.flags.s || !!o.flags.S;
  const raw = o.operands[0];
  if (raw === undefined) {
    ctx.err("curl: no URL specified!\ncurl: try 'curl --help' for more information\n");
    return 2;
  }
  const url = normalizeUrl(raw);
  const r = ctx.host.http(url);
  if (!r.ok) {
    const code = /resolve/i.test(r.error) ? 6 : /timed out|timeout/i.test(r.error) ? 28 : 7;
    return curlFailure(ctx, showErrors, code, r.error);
  }
  const writeOut = (): void => {
    if (typeof o.flags.w === 'string') ctx.out(o.flags.w.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{response_code\}/g, String(r.status)).replace(/\\n/g, '\n'));
  };
  if (o.flags.f && r.status >= 400) {
    const code = curlFailure(ctx, showErrors, 22, `The requested URL returned error: ${r.status}`);
    writeOut();
    return code;
  }
  let body = r.body;
  const statusLine = `HTTP/1.1 ${r.status} ${REASON_PHRASES[r.status] ?? ''}`.trimEnd();
  if (o.flags.I) body = `${statusLine}\r\n\r\n`;
  else if (o.flags.i) body = `${statusLine}\r\n\r\n${body}`;
  const outFile = typeof o.flags.o === 'string' ? o.flags.o : o.flags.O ? baseName(hostPort(url).path) || 'index.html' : null;
  if (outFile !== null && outFile !== '-') {
    if (outFile !== '/dev/null') {
      const err = ctx.host.fs.write(ctx.resolve(outFile), body, false);
      if (err !== null) return curlFailure(ctx, showErrors, 23, `Failure writing output to destination`);
    }
  } else ctx.out(body);
  writeOut();
  return 0;
};
