// A plain static file server — Python's http.server, which knows nothing of Tassei — serving
// a folder, for the browser tests of the static export. It picks a free port and says which.
import { type ChildProcess, spawn } from "node:child_process";

export interface StaticServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  stop(): Promise<void>;
}

export function startStaticServer(root: string): Promise<StaticServer> {
  const child: ChildProcess = spawn(
    "python3",
    ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the static file server did not start:\n${said}`));
    }, 30_000);
    child.once("error", reject);
    child.stdout?.on("data", (chunk) => {
      said += String(chunk);
      const port = /port (\d+)/.exec(said)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, stop });
      }
    });
    child.stderr?.on("data", (chunk) => {
      said += String(chunk);
    });
  });
}
