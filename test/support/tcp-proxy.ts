// A TCP proxy the test can cut and restore, to play a database server that goes away:
// `cut` refuses (connections reset, as when the server stops); `drop` goes silent (bytes
// swallowed both ways and new connections accepted but never answered, as when a network
// drops packets: nobody is told anything, and only time limits help).
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Drop every open connection and refuse new ones. */
  cut(): void;
  /** Forward nothing more, on open connections and new ones, and say nothing. */
  drop(): void;
  /** Forward again; connections that were silenced are closed (they have timed out). */
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetPort: number,
  targetHost = "127.0.0.1",
): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const silenced = new Set<net.Socket>();
  let open = true;
  let dropping = false;
  const silence = (s: net.Socket) => {
    s.unpipe();
    s.removeAllListeners("data");
    s.on("data", () => {}); // read and forget
    s.resume();
    silenced.add(s);
  };
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    if (dropping) {
      client.on("error", () => {});
      silence(client);
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    drop() {
      dropping = true;
      for (const s of sockets) silence(s);
    },
    restore() {
      open = true;
      dropping = false;
      for (const s of silenced) s.destroy();
      silenced.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...sockets, ...silenced]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
