/**
 * The localhost certificate for the HTTPS fakes, signed by the throwaway CA that test/global-setup.ts
 * made for this run (and that every worker trusts through NODE_EXTRA_CA_CERTS).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Key and certificate for `https.createServer`. */
export function localhostTls(): { key: Buffer; cert: Buffer } {
  const dir = process.env.SECOPS_TEST_TLS_DIR;
  if (!dir)
    throw new Error("SECOPS_TEST_TLS_DIR is not set: run the tests through vitest (globalSetup makes the test CA)");
  return { key: readFileSync(join(dir, "localhost-key.pem")), cert: readFileSync(join(dir, "localhost.pem")) };
}
