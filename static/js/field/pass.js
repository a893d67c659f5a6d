// Residents' passes: the secret token (made here, same format as the server's new_pass_token),
// reading it back from a scanned QR or typed text, and the SHA-256 that the server sends as pass_hash.
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const TOKEN = /^[A-Z2-7]{32}$/;

/** 160 random bits in upper-case base32: 32 characters, no padding. */
export function newPassToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The token in a scanned or typed text (`<base>/p/<TOKEN>` or the bare token), or null. */
export function parsePass(text) {
  const raw = String(text || "").trim();
  if (TOKEN.test(raw.toUpperCase()) && raw.length === 32) return raw.toUpperCase();
  let url;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const match = /^\/p\/([A-Za-z2-7]{32})\/?$/.exec(url.pathname);
  return match ? match[1].toUpperCase() : null;
}

export async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The URL printed in a pass QR; the public base is the origin the tablet was set up from. */
export function passUrl(token, base = location.origin) {
  return `${base}/p/${token}`;
}

// The short code a resident can type (a cracked screen, a pass left at home). Derived from the pass hash,
// never stored on the server: the same steps as caravan/services/codes.py pass_code, checked against one
// shared test vector on both sides. The first 8 bytes of SHA-256 over the hex hash, big-endian, in base 31.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

/** The pass code (8 symbols, no dash) of the pass whose SHA-256 hex hash is `passHash`. */
export async function passCode(passHash) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(passHash));
  let number = new DataView(digest).getBigUint64(0, false);
  const base = BigInt(CODE_ALPHABET.length);
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    out += CODE_ALPHABET[Number(number % base)];
    number /= base;
  }
  return out;
}

/** A pass code as shown: two groups of four, `ABCD-EFGH`. */
export function showPassCode(code) {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A typed pass code without dash or spaces, upper-case, or null when it cannot be one. */
export function parsePassCode(text) {
  const raw = String(text || "").toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== CODE_LENGTH) return null;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null;
  return raw;
}
