/**
 * The client address for rate limiting. Behind a reverse proxy the first X-Forwarded-For
 * entry is the client; without one, Next's own server sets the header from the socket.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read("x-real-ip")?.trim() || "unknown";
}
