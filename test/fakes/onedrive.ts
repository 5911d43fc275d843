/**
 * A fake of the two OneDrive URLs a Teams bot meets: the upload URL of an accepted file consent (PUT with
 * Content-Range, as the upload session expects) and a download URL of a file shared in the personal chat.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The running fake. */
export interface FakeOneDrive {
  url: string;
  /** Bytes PUT to /upload/<name>, with the Content-Range they came with. */
  uploads: Map<string, { bytes: Buffer; range: string | undefined }>;
  /** Serves `bytes` at the returned download URL. */
  share(name: string, bytes: Uint8Array): string;
  close(): Promise<void>;
}

/** Starts the fake on a loopback port. */
export async function startFakeOneDrive(): Promise<FakeOneDrive> {
  const uploads = new Map<string, { bytes: Buffer; range: string | undefined }>();
  const shared = new Map<string, Uint8Array>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const [, kind, name = ""] = (req.url ?? "").split("/");
      if (req.method === "PUT" && kind === "upload") {
        uploads.set(decodeURIComponent(name), { bytes: Buffer.concat(chunks), range: req.headers["content-range"] });
        return void res.writeHead(201, { "content-type": "application/json" }).end('{"id":"fake-item"}');
      }
      const bytes = req.method === "GET" && kind === "download" ? shared.get(decodeURIComponent(name)) : undefined;
      if (!bytes) return void res.writeHead(404).end();
      res
        .writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) })
        .end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    uploads,
    share(name, bytes) {
      shared.set(name, bytes);
      return `${url}/download/${encodeURIComponent(name)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
