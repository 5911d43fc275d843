/**
 * Encryption at rest for secrets the bot keeps in its database (Slack installations' tokens):
 * AES-256-GCM from node:crypto with a fresh 12-byte nonce per value. The row's key is bound in as
 * additional data, so a sealed value copied into another row does not open there.
 * Sealed form: `v1:` + base64url(nonce ‖ tag ‖ ciphertext).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key from SECOPS_ENCRYPTION_KEY (base64 or hex), or undefined when it is not one. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const candidates = [
    /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : undefined,
    /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, "base64") : undefined,
  ];
  return candidates.find((key) => key?.length === 32);
}

/** Seals and opens secrets with one key. */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("the encryption key must be 32 bytes");
  }

  /** Encrypts `plain`, bound to `context` (the row's key). */
  seal(plain: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, nonce);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return VERSION + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** Decrypts a sealed value; throws when it was altered, sealed for another row or with another key. */
  open(sealed: string, context: string): string {
    if (!sealed.startsWith(VERSION)) throw new Error("not a sealed value");
    const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error("sealed value too short");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  }
}
