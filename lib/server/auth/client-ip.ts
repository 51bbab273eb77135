import { BlockList, isIP } from "node:net";
import { serverEnv } from "@/lib/server/env";
import type { TrustedProxies } from "./trusted-proxies";

/**
 * The header in which `npm start`'s server (scripts/serve.mjs) passes on the address of the
 * peer that opened the connection. It replaces any header of that name a client sends.
 */
export const PEER_ADDRESS_HEADER = "x-parallax-peer-address";

const blockLists = new WeakMap<TrustedProxies, BlockList>();

function blockListOf(trusted: TrustedProxies): BlockList {
  let list = blockLists.get(trusted);
  if (!list) {
    list = new BlockList();
    for (const entry of trusted) {
      const [address = "", bits] = entry.split("/");
      const type = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
    blockLists.set(trusted, list);
  }
  return list;
}

/** "::ffff:203.0.113.7", as a dual-stack socket reports an IPv4 peer, is 203.0.113.7. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const family = isIP(address);
  return family !== 0 && blockListOf(trusted).check(address, family === 6 ? "ipv6" : "ipv4");
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client address for rate limiting. The peer that opened the connection is the client,
 * unless it is one of the trusted proxies: then the X-Forwarded-For entry it added (the
 * last) is, unless that is a trusted proxy too, and so on leftwards. Entries left of the
 * first untrusted address were written by the client and are never believed, so without
 * trusted proxies a client cannot choose the address its attempts are counted against.
 * Without the peer header (the app served by something other than `npm start`) every
 * client is "unknown", one shared allowance: stricter, never looser.
 */
export function clientIpFrom(headers: HeaderSource, trusted: TrustedProxies): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const peer = normalize(read(PEER_ADDRESS_HEADER) ?? "");
  if (!peer) return "unknown";
  const forwarded = (read("x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  let client = peer;
  while (isTrusted(client, trusted) && forwarded.length > 0) client = forwarded.pop()!;
  return client;
}

/** The client address of a request, with the trusted proxies of PARALLAX_TRUSTED_PROXIES. */
export function clientIp(headers: HeaderSource): string {
  return clientIpFrom(headers, serverEnv().PARALLAX_TRUSTED_PROXIES);
}
