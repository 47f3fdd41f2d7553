// TASSEI_TRUST_PROXY → fastify's `trustProxy`. Unset, X-Forwarded-For/-Proto/-Host are
// ignored (anyone could send them); set it only when the server is reachable through the
// proxy alone. Values: off | on (every hop) | a hop count | addresses and CIDR ranges of
// the proxies, comma-separated (the safest: `127.0.0.1` for nginx on the same host).
import net from "node:net";

/** What fastify's `trustProxy` takes; a hop count becomes a function (as fastify does). */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? "";
  if (v === "" || v === "off" || v === "false") return false;
  if (v === "on" || v === "true") return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  const parts = v.split(",").map((p) => p.trim());
  const bad = parts.filter((p) => {
    const [address, bits, extra] = p.split("/");
    if (extra !== undefined || !address || net.isIP(address) === 0) return true;
    return bits !== undefined && !/^\d{1,3}$/.test(bits);
  });
  if (bad.length > 0) {
    throw new RangeError(
      `must be off, on, a hop count, or proxy addresses/CIDR ranges separated by commas (not ${bad.join(", ")})`,
    );
  }
  return parts.join(",");
}
