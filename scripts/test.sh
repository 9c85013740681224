#!/usr/bin/env bash
# Runs every test: domain, HTTP integration and real-browser journeys, after checking the built CSS is up to date.
# On a fresh Debian machine it first installs what the tests need: Debian's Chromium, tzdata, nginx and PostgreSQL server with apt-get, and the
# Node test tools (maildev, ical.js, vnu-jar) with npm ci, and Debian's Java for the HTML checker.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the browser tests, and the tz database (time zones are IANA ids from /usr/share/zoneinfo).
missing=""
if ! command -v chromium >/dev/null 2>&1; then missing="chromium fonts-dejavu-core"; fi
if [ ! -e /usr/share/zoneinfo/Europe/London ]; then missing="$missing tzdata"; fi
# Java runs the Nu Html Checker (vnu.jar from npm vnu-jar) over every page the browser journeys visited.
if ! command -v java >/dev/null 2>&1; then missing="$missing default-jre-headless"; fi
# nginx balances the two app instances of the two-instance browser tests (scripts/nginx.sh; /usr/sbin may be off PATH).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then missing="$missing nginx"; fi
if [ -n "$missing" ]; then
  echo "Installing what the tests need:$missing..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The Node tools the e-mail tests run (maildev, a real SMTP server; ical.js), exactly as tests/tools/package-lock.json pins them.
# The machines come with Node.js 20 and npm; Debian's own nodejs is 18, below the Node 20 that maildev 3 asks for, so it is not installed here.
if [ ! -e tests/tools/node_modules/.package-lock.json ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules/.package-lock.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "The e-mail tests need Node.js 20 or later with npm (for maildev in tests/tools); no npm on PATH." >&2
    exit 1
  fi
  echo "Installing the Node test tools (tests/tools)..."
  npm ci --prefix tests/tools --no-audit --no-fund
fi

# The committed stylesheet and icon sprite must be what src/CareerCompass.Web/Styles builds (a few seconds; the first
# run also installs the pinned Sass and Bootstrap sources with npm ci).
scripts/build-css.sh --check

# The browser tests save each page they check here; start empty so the HTML checker sees only this run's pages.
rm -rf TestResults/html

log="$(mktemp)"
# A throwaway PostgreSQL cluster for the PostgreSQL tests (Debian's server, installed with apt-get if missing), in a
# temporary folder, stopped and removed at the end; the tests read its address from CAREERCOMPASS_TEST_POSTGRES.
pg_dir="$(mktemp -d)"
trap 'scripts/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir" "$log"' EXIT
CAREERCOMPASS_TEST_POSTGRES="$(scripts/postgres.sh start "$pg_dir")"
export CAREERCOMPASS_TEST_POSTGRES
# Build once first: if the code doesn't build, say so and stop, rather than run the PostgreSQL pass on nothing.
if ! dotnet build CareerCompass.sln --nologo -v quiet; then
  echo "The solution did not build; no tests ran." >&2
  exit 1
fi
status=0
dotnet test CareerCompass.sln --no-build --nologo 2>&1 | tee "$log" || status=$?
# The whole HTTP integration suite again, on PostgreSQL: every factory on a database of its own in the cluster above
# (tests about SQLite's own file, statistics and migrations are skipped there, and say so).
echo "The integration tests again, on PostgreSQL..."
CAREERCOMPASS_TEST_PROVIDER=PostgreSQL dotnet test tests/CareerCompass.Web.Tests --no-build --nologo 2>&1 | tee -a "$log" || status=$?

# One closing line for the whole suite, summed over the test assemblies.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
# The HTML the server sent for every page a journey checked, through the Nu Html Checker in one run of Java.
html_status=0
if [ -d TestResults/html ]; then
  started=$(date +%s)
  scripts/check-html.sh || html_status=$?
  echo "The HTML checker took $(( $(date +%s) - started )) s."
  if [ "$status" -eq 0 ] && [ "$html_status" -ne 0 ]; then status=$html_status; fi
fi

echo "Screenshots from the browser journeys (each page at 375 and 1280 px): TestResults/screenshots/"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
