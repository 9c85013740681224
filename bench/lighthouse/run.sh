#!/usr/bin/env bash
# Lighthouse (mobile, its default setting) on five pages of the real app: publishes it in Release, starts it on a free
# loopback port with a throwaway data folder, registers, confirms and signs in a person, audits, prints the four
# category scores per page, keeps the JSON reports in bench/lighthouse/reports/ and stops the app.
# Performance depends on the machine's load: the load average is printed with the table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -e "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund
fi

# Published, as a server runs it: publishing also precompresses the static files (gzip and Brotli) that
# MapStaticAssets then serves to browsers that accept them.
out="$root/artifacts/lighthouse-app"
dotnet publish "$root/src/CareerCompass.Web" -c Release -o "$out" --nologo -v quiet
dll="$out/CareerCompass.Web.dll"

data="$(mktemp -d)"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:$port"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

# Production, as a server runs it.
# Its data/ paths (database, mail/, keys/) resolve under DataRoot.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" App__PublicBaseUrl="$base" DataRoot="$data" \
  Logging__LogLevel__Default=Warning dotnet "$dll" >"$data/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$data/app.log" >&2; exit 1; fi
  sleep 0.5
done

node "$here/run.mjs" "$base" "$data/data/mail" "$@"
