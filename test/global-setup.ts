/**
 * Vitest global setup: makes a throwaway certificate authority and a localhost certificate it signs,
 * for the HTTPS fakes (Entra token endpoint, Graph). It runs in the main process before the worker
 * forks start, so NODE_EXTRA_CA_CERTS reaches every worker and both undici fetch (Graph client) and
 * node:https (@azure/identity) trust the fakes with real TLS. Nothing outside this run trusts the CA.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

const DAY = 24 * 60 * 60 * 1000;

/** Writes the CA and the localhost leaf into a temp dir and points the workers at them. */
export async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "secops-bot-tls-"));
  const notBeforeDate = new Date(Date.now() - DAY);
  const notAfterDate = new Date(Date.now() + 2 * DAY);
  const ca = await generate([{ name: "commonName", value: "secops-bot test CA (this run only)" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  const caPath = join(dir, "ca.pem");
  writeFileSync(caPath, ca.cert);
  writeFileSync(join(dir, "localhost.pem"), leaf.cert);
  writeFileSync(join(dir, "localhost-key.pem"), leaf.private, { mode: 0o600 });
  process.env.NODE_EXTRA_CA_CERTS = caPath;
  process.env.SECOPS_TEST_TLS_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
