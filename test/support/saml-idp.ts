// A SAML 2.0 identity provider for the tests: it reads the AuthnRequest Tassei sends (the
// HTTP-Redirect binding: deflated, base64, in the query) and answers with a Response whose
// assertion it signs with xml-crypto and a test key (test/support/saml/). Each option makes
// one of the answers a real IdP (or an attacker) could send: expired, for another audience,
// unsigned, signed by someone else.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { SignedXml } from "xml-crypto";

const dir = path.join(import.meta.dirname, "saml");
export const IDP_CERT = fs.readFileSync(path.join(dir, "idp-cert.pem"), "utf8");
const IDP_KEY = fs.readFileSync(path.join(dir, "idp-key.pem"), "utf8");
const OTHER_KEY = fs.readFileSync(path.join(dir, "other-key.pem"), "utf8");
const OTHER_CERT = fs.readFileSync(path.join(dir, "other-cert.pem"), "utf8");
export const IDP_ENTITY_ID = "https://idp.nabari.test/saml";
export const IDP_SSO_URL = "https://idp.nabari.test/saml/sso";

export interface AuthnRequest {
  id: string;
  acsUrl: string;
  issuer: string;
}

/** The request in the address Tassei redirected the browser to. */
export function readAuthnRequest(location: string): AuthnRequest {
  const url = new URL(location);
  const xml = zlib
    .inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest") ?? "", "base64"))
    .toString("utf8");
  const attr = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(xml)?.[1] ?? "";
  return {
    id: attr("ID"),
    acsUrl: attr("AssertionConsumerServiceURL"),
    issuer: /<saml:Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? "",
  };
}

export interface AnswerOptions {
  nameId: string;
  attributes?: Record<string, string | string[]>;
  /** Whose audience the assertion names (default: the requester's entity id). */
  audience?: string;
  /** Validity: the assertion holds from `issuedAt` for `validForMs` (default now, 5 min). */
  issuedAt?: Date;
  validForMs?: number;
  sign?: "idp" | "other" | "none";
  /** Answer a request that was never made (unsolicited), or a different one. */
  inResponseTo?: string | null;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The base64 SAMLResponse the browser would post to Tassei. */
export function answer(request: AuthnRequest, o: AnswerOptions): string {
  const issued = o.issuedAt ?? new Date();
  const until = new Date(issued.getTime() + (o.validForMs ?? 5 * 60_000));
  const t = (d: Date) => d.toISOString();
  const inResponseTo = o.inResponseTo === undefined ? request.id : o.inResponseTo;
  const irt = inResponseTo === null ? "" : ` InResponseTo="${esc(inResponseTo)}"`;
  const attrs = Object.entries(o.attributes ?? {})
    .map(
      ([name, v]) =>
        `<saml:Attribute Name="${esc(name)}">${(Array.isArray(v) ? v : [v])
          .map((x) => `<saml:AttributeValue>${esc(x)}</saml:AttributeValue>`)
          .join("")}</saml:Attribute>`,
    )
    .join("");
  const assertionId = `_a${crypto.randomUUID()}`;
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${crypto.randomUUID()}" Version="2.0" IssueInstant="${t(issued)}" Destination="${esc(request.acsUrl)}"${irt}>` +
    `<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${t(issued)}">` +
    `<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${esc(o.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${irt} NotOnOrAfter="${t(until)}" Recipient="${esc(request.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${t(issued)}" NotOnOrAfter="${t(until)}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience ?? request.issuer)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${t(issued)}" SessionIndex="_s${crypto.randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`;
  const sign = o.sign ?? "idp";
  if (sign === "none") return Buffer.from(xml).toString("base64");
  const signer = new SignedXml({
    privateKey: sign === "idp" ? IDP_KEY : OTHER_KEY,
    publicCert: sign === "idp" ? IDP_CERT : OTHER_CERT,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  signer.addReference({
    xpath: `//*[@ID='${assertionId}']`,
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  signer.computeSignature(xml, {
    location: { reference: `//*[@ID='${assertionId}']/*[local-name(.)='Issuer']`, action: "after" },
  });
  return Buffer.from(signer.getSignedXml()).toString("base64");
}
