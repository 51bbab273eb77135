/**
 * Checks PARALLAX_SMTP_URL: unset or empty means no email; otherwise an smtp:// or
 * smtps:// URL with a host. Its own module, so `npm start` can check it before serving
 * and the env module can too, without either importing the other.
 */
export function parseSmtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    throw new Error(
      "PARALLAX_SMTP_URL must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:pass@mail.example.org:587; unset it to write invitation links to the server log instead.",
    );
  }
  return value;
}
