// Test support: the whole application as the server runs it (the portal with the error
// handlers, security headers and the API beside it), and small readers for its HTML.
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { TestDatabase } from "../../../test/support/database.ts";
import { buildApp } from "../app.ts";

export async function portalApp(t: TestDatabase): Promise<FastifyInstance> {
  const app = await buildApp({ database: t.handle, logLevel: "silent" });
  await app.ready();
  return app;
}

/** The document's text without tags, white space collapsed: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The structure every portal page must have. */
export function expectWellFormedPage(body: string, title: string | RegExp): void {
  expect(body.startsWith("<!doctype html>")).toBe(true);
  expect(body).toContain('<html lang="ja">');
  expect(body.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(body.match(/<main[\s>]/g)).toHaveLength(1);
  expect(body).toMatch(/<header[\s>]/);
  expect(body).toMatch(/<footer[\s>]/);
  expect(body).not.toMatch(/<script|\sstyle="|<style/);
  const t = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? "";
  if (typeof title === "string") expect(t).toContain(title);
  else expect(t).toMatch(title);
}
