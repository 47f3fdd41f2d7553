#!/usr/bin/env bash
# `npm test`: lint and format (biome), type check (tsc), every test on the embedded database
# (PGlite), then the database tests (*.db.test.ts) again on the PostgreSQL server at
# TASSEI_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test). Each test file gets
# its own fresh database. Then the browser tests of the portal (Playwright, e2e/) on Debian's
# Chromium. Ends with the line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
ARTIFACTS=.test-artifacts
mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/vitest-*.json "$ARTIFACTS/playwright.json"
failed_steps=()

step() {
  local name=$1
  shift
  echo "== $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step "lint and format (biome)" node_modules/.bin/biome check .
step "type check (tsc)" node_modules/.bin/tsc --noEmit
step "type check of the staff app (tsc)" node_modules/.bin/tsc --noEmit -p src/web
step "build of the staff app (vite)" node_modules/.bin/vite build --logLevel warn
step "tests on the embedded database" env TASSEI_TEST_DB=pglite node_modules/.bin/vitest run \
  --reporter=default --reporter=json --outputFile.json="$ARTIFACTS/vitest-pglite.json" "$@"

if [ "${TASSEI_TEST_SKIP_POSTGRES:-}" = "1" ]; then
  echo "== PostgreSQL server pass skipped (TASSEI_TEST_SKIP_POSTGRES=1)"
elif ! node scripts/check-postgres.mjs; then
  failed_steps+=("PostgreSQL server not reachable")
else
  step "database tests on the PostgreSQL server" env TASSEI_TEST_DB=postgres node_modules/.bin/vitest run \
    --reporter=default --reporter=json --outputFile.json="$ARTIFACTS/vitest-postgres.json" "${@:-.db.test.ts}"
fi

step "browser tests of the portal (Playwright)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$ARTIFACTS/playwright.json" \
  node_modules/.bin/playwright test --reporter=list,json

node scripts/test-summary.mjs "${#failed_steps[@]}" "${failed_steps[@]}"
