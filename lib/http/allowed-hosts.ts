/**
 * Which `Host` headers Versus answers. A DNS-rebinding page reaches the app under the attacker's
 * own host name, so refusing every name the user did not choose closes that door: loopback
 * names on the app's port, the address it listens on, and the names in VERSUS_ALLOWED_HOSTS
 * (for a reverse proxy or a LAN name).
 */
export interface AllowedHosts {
  /** `name:port` pairs, lower case. */
  readonly exact: ReadonlySet<string>;
  /** Names allowed on any port (an entry of VERSUS_ALLOWED_HOSTS without a port). */
  readonly anyPort: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** `::1` → `[::1]`: the form an IPv6 address takes in a Host header. */
function hostName(address: string): string {
  const name = address.trim().toLowerCase();
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

export function allowedHosts({
  listenHost,
  port,
  extra,
}: {
  listenHost: string;
  port: number;
  /** Entries of VERSUS_ALLOWED_HOSTS: `name` (any port) or `name:port`. */
  extra: readonly string[];
}): AllowedHosts {
  const names = [...LOOPBACK_NAMES];
  const listen = hostName(listenHost);
  if (!WILDCARD_ADDRESSES.has(listen)) names.push(listen);
  const exact = new Set<string>();
  for (const name of names) {
    exact.add(`${name}:${port}`);
    // Browsers leave the default port out of the Host header.
    if (port === 80) exact.add(name);
  }
  const anyPort = new Set<string>();
  for (const entry of extra) {
    const value = entry.trim().toLowerCase();
    if (!value) continue;
    if (/:\d+$/.test(value)) exact.add(value);
    else anyPort.add(hostName(value));
  }
  return { exact, anyPort };
}

/** The name part of a Host header value (`[::1]:3000` → `[::1]`). */
function nameOf(host: string): string {
  return host.replace(/:\d+$/, '');
}

export function isAllowedHost(host: string | undefined, allowed: AllowedHosts): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return allowed.exact.has(value) || allowed.anyPort.has(nameOf(value));
}

/**
 * Whether a state-changing request comes from a page of another origin. Browsers send Origin
 * with every POST, PATCH and DELETE (`null` from sandboxed frames and some redirects); where a
 * client sends neither header it is not a browser page, which is what cross-site defence is
 * about. Same-site is not enough: another port on 127.0.0.1 is another application.
 */
export function isCrossOrigin({
  origin,
  fetchSite,
  host,
}: {
  origin: string | undefined;
  fetchSite: string | undefined;
  host: string;
}): boolean {
  if (origin !== undefined) {
    const parsed = URL.parse(origin);
    return !parsed || parsed.host.toLowerCase() !== host.toLowerCase();
  }
  return fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
}
