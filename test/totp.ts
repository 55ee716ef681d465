import { createHmac } from 'node:crypto';

// RFC 6238 codes as an authenticator app computes them, from the `otpauth://` URI or the secret a page
// shows: the tests compute their own codes rather than ask the server for them.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = '';
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The base32 secret of an `otpauth://totp/...?secret=...` URI. */
export const secretOf = (uri: string) => new URL(uri).searchParams.get('secret') ?? '';

/** The six-digit code for a base32 secret at `time` (milliseconds), `step` periods of 30 s away. */
export function totpCode(secret: string, time = Date.now(), step = 0): string {
  const counter = Math.floor(time / 30_000) + step;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32(secret)).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0xf;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}
