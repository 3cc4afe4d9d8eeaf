// The `--database-url` as verify reads it: a postgres:// URL, its host (loopback, a Unix socket or a
// remote machine, which needs --allow-remote), and the URL as it may be printed (every password
// replaced, in the user-info and in the query string).

/** A problem reaching or preparing the server: the run cannot start (exit 2). */
export class DatabaseSetupError extends Error {}

/** Query-string keys libpq and node-postgres read secrets from. */
const SECRET_KEYS = new Set(['password', 'sslpassword', 'sslkey', 'passfile']);

export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSetupError(`--database-url takes a URL (postgres://user@host:5432/db), got "${redact(url)}"`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseSetupError(`--database-url takes a postgres:// or postgresql:// URL, got "${parsed.protocol}"`);
  }
  return parsed;
}

/**
 * The host the URL connects to, as node-postgres reads it: `?host=` wins over the authority; a host
 * starting with `/` (or its percent-encoded form) is a Unix socket directory.
 */
export function hostOf(url: URL): string {
  const query = url.searchParams.get('host');
  if (query) return query;
  return decodeURIComponent(url.hostname).replace(/^\[|\]$/g, '');
}

/** Loopback addresses and Unix sockets reach this machine only. An empty host is libpq's default socket. */
export function isLocalHost(host: string): boolean {
  if (host === '' || host.startsWith('/')) return true;
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(h)) return true;
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '::ffff:127.0.0.1';
}

/** Refuses a remote host unless the user said it is one verify may run code on. */
export function checkHostAllowed(url: URL, allowRemote: boolean): void {
  const host = hostOf(url);
  if (isLocalHost(host) || allowRemote) return;
  throw new DatabaseSetupError(
    `--database-url points at ${host}, which is not this machine: verify runs the migrations' code there with the connection's privileges (in a scratch database of its own, but a server can be reached from any database). Use a disposable server, and add --allow-remote to say it is one`,
  );
}

/** The URL without its passwords, for messages: user-info and `?password=`-like keys. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) if (SECRET_KEYS.has(key.toLowerCase())) parsed.searchParams.set(key, '***');
    return parsed.toString().replace(/=\*\*\*/g, '=***').replace(/%2A%2A%2A/g, '***');
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@').replace(/([?&](?:ssl)?password=)[^&#]*/gi, '$1***');
  }
}

/** Removes every appearance of the URL's password from a text (an error message that echoes it). */
export function redactText(text: string, url: string): string {
  const secrets: string[] = [];
  try {
    const parsed = new URL(url);
    if (parsed.password) secrets.push(parsed.password, decodeURIComponent(parsed.password));
    for (const [key, value] of parsed.searchParams) if (SECRET_KEYS.has(key.toLowerCase()) && value) secrets.push(value);
  } catch {
    // Not a URL: parseDatabaseUrl reports it.
  }
  let out = text.split(url).join(redact(url));
  for (const secret of secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
