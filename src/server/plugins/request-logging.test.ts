import { Writable } from "node:stream";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerRequestLogging, requestLoggingOptions } from "./request-logging.ts";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify(requestLoggingOptions({ level: "info", stream: sink }));
  registerRequestLogging(app);
  // A careless route: logs the whole body and the headers it received.
  app.post("/login", async (request) => {
    request.log.info({ body: request.body, headers: request.headers }, "login attempt");
    return { ok: true };
  });
});
afterAll(async () => {
  await app?.close();
});

describe("request logs", () => {
  it("are JSON with a request id, and hold no password, cookie, token or query string", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/login?name=%E5%B1%B1%E7%94%B0%E8%8A%B1%E5%AD%90",
      headers: {
        cookie: "tassei_session=SESSIONID-abc123",
        authorization: "Bearer TOKEN-xyz789",
        "content-type": "application/json",
      },
      payload: { user: "yamada", password: "PASSWORD-hunter2", nested: { password: "PW2-zz" } },
    });
    expect(r.statusCode).toBe(200);
    const id = r.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = records.filter((rec) => rec.reqId === id);
    expect(mine.map((rec) => rec.msg)).toEqual(
      expect.arrayContaining(["incoming request", "login attempt", "request completed"]),
    );
    const text = lines.join("\n");
    for (const secret of [
      "SESSIONID-abc123",
      "TOKEN-xyz789",
      "PASSWORD-hunter2",
      "PW2-zz",
      "name=",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[Redacted]");
    expect(text).toContain('"url":"/login"');
  });

  it("keeps a proxy's well-formed request id and replaces a malformed one", async () => {
    const kept = await app.inject({
      url: "/x",
      headers: { "x-request-id": "nginx-0123456789abcdef" },
    });
    expect(kept.headers["x-request-id"]).toBe("nginx-0123456789abcdef");
    const replaced = await app.inject({ url: "/x", headers: { "x-request-id": "<script>" } });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
