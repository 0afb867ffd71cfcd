#!/usr/bin/env bash
# Builds a real Tinybird project into Columba with the npm package @tinybirdco/sdk (`tinybird build`, which talks
# to Tinybird Local on localhost:7181), then ingests and reads an endpoint with @chronark/zod-bird, ingests with
# the SDK's client and generates events with @tinybirdco/mockingbird, counting the rows of each ingest.
# With the web analytics starter kit (a project holding endpoints/top_pages.pipe) it runs check-web-analytics.mjs
# instead: the SDK builds the kit, zod-bird sends page hits and reads top_pages and analytics_hits back.
# Needs Node >= 20 and npm registry access; the packages are cached in target/npm-clients.
#   scripts/npm-clients.sh [PROJECT]   (default: ../shared/conformance/tinybird/logs-explorer-template)
#   scripts/npm-clients.sh ../shared/conformance/tinybird/web-analytics-starter-kit
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="${1:-$ROOT/../shared/conformance/tinybird/logs-explorer-template}"
WORK="${COLUMBA_NPM_CLIENTS_DIR:-$ROOT/target/npm-clients}"
JAR="$ROOT/cli/target/columba.jar"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"

command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed" >&2; exit 2; }
[ -d "$PROJECT" ] || { echo "no project folder $PROJECT" >&2; exit 2; }
JAVA_HOME="$(find_jdk)"
[ -f "$JAR" ] || { echo "build Columba first (./columba --help builds it)" >&2; exit 2; }

mkdir -p "$WORK"
cp "$ROOT/scripts/npm-clients/package.json" "$ROOT/scripts/npm-clients/"*.mjs "$WORK/"
CHECK=check.mjs
[ -f "$PROJECT/endpoints/top_pages.pipe" ] && CHECK=check-web-analytics.mjs
if [ ! -d "$WORK/node_modules/@tinybirdco/sdk" ] || [ ! -d "$WORK/node_modules/@chronark/zod-bird" ] \
  || [ ! -d "$WORK/node_modules/@tinybirdco/mockingbird" ]; then
  (cd "$WORK" && npm install --no-audit --no-fund --ignore-scripts >&2)
fi
rm -rf "$WORK/project" "$WORK/data"
mkdir -p "$WORK/project"
cp -r "$PROJECT"/. "$WORK/project/"
cat > "$WORK/project/tinybird.config.json" <<'JSON'
{
  "include": ["datasources/*.datasource", "endpoints/*.pipe", "materializations/*.pipe"],
  "token": "${TINYBIRD_TOKEN}",
  "baseUrl": "http://localhost:7181",
  "devMode": "local"
}
JSON

"$JAVA_HOME/bin/java" -jar "$JAR" local start --data-dir "$WORK/data" --port 7181 --clickhouse-port 0 \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q 'Columba is ready' "$WORK/server.log" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
(cd "$WORK" && node "$CHECK")
