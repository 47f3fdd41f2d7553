import { type Kysely, sql } from "kysely";

// Issue 16: how staff sign in inside a municipality's network.
//
// - sign_in_policies: per municipality, whether a second factor is required (for everyone or
//   for some roles) and whether local passwords may be used at all (off when the
//   municipality signs in only through its identity provider).
// - user_totp: the TOTP secret (it must be readable to check a code, so it cannot be hashed),
//   confirmed once the person typed a right code; last_time_step refuses a code used twice.
// - user_recovery_codes: only the SHA-256 of each code (they are long random strings, so a
//   fast hash is enough: there is nothing to guess from a dump).
// - sign_in_challenges: a right password waiting for its second factor (hash of the token).
// - sessions.must_enrol: signed in where a second factor is required but none is set up yet;
//   such a session may only enrol. sessions.sso_provider: signed in through which provider.
// - sso_requests: sign-ins under way at an identity provider (the OIDC state, nonce and PKCE
//   verifier; the SAML request id). Each is deleted when its answer is taken, in one
//   statement, so a replayed answer is refused, by any app process.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_policies (
      municipality_code text primary key references municipalities (code) on delete cascade,
      totp_required boolean not null default false,
      totp_required_roles text[] not null default '{}',
      local_passwords boolean not null default true,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table user_totp (
      user_id integer primary key references users (id) on delete cascade,
      secret text not null,
      confirmed_at timestamptz,
      last_time_step bigint,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`
    create table user_recovery_codes (
      user_id integer not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, code_hash)
    )
  `.execute(db);
  await sql`
    create table sign_in_challenges (
      id text primary key,
      user_id integer not null references users (id) on delete cascade,
      expires_at timestamptz not null
    )
  `.execute(db);
  await sql`alter table sessions add column must_enrol boolean not null default false`.execute(db);
  await sql`alter table sessions add column sso_provider text`.execute(db);
  await sql`
    create table sso_requests (
      id text primary key,
      provider text not null,
      nonce text,
      code_verifier text,
      expires_at timestamptz not null
    )
  `.execute(db);
}
