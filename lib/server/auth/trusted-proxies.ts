import { isIP } from "node:net";

/** The reverse proxies whose X-Forwarded-For is believed: addresses and CIDR ranges, as given. */
export type TrustedProxies = readonly string[];

/**
 * Parses PARALLAX_TRUSTED_PROXIES: addresses or CIDR ranges (IPv4 or IPv6), separated by
 * commas or spaces, e.g. "127.0.0.1, ::1" for a proxy on the same machine or "10.0.0.0/8".
 * Throws a message naming the first entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!family || !validBits || rest.length > 0) {
      throw new Error(`PARALLAX_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8 or ::1).`);
    }
  }
  return entries;
}
