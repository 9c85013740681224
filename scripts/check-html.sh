#!/usr/bin/env bash
# Checks the HTML of every page the browser journeys visited (TestResults/html/, the bodies the server sent) with the
# Nu Html Checker (npm vnu-jar in tests/tools, run with Debian's Java), in one run of Java for all the files.
# Writes the checker's JSON to TestResults/html-report.json, prints each error as file:line: message, and fails
# when there is any.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=tests/tools/node_modules/vnu-jar/build/dist/vnu.jar
report=TestResults/html-report.json
shopt -s nullglob
files=(TestResults/html/*.html)
if [ "${#files[@]}" -eq 0 ]; then
  echo "No pages to check in TestResults/html/ (the browser tests save them)." >&2
  exit 1
fi

# vnu writes its JSON to stderr and exits 1 when it finds errors; the report is read either way.
java -jar "$jar" --errors-only --format json "${files[@]}" 2>"$report" || true
node - "$report" "${#files[@]}" <<'JS'
const fs = require('fs');
const [report, count] = process.argv.slice(2);
let messages;
try {
  messages = JSON.parse(fs.readFileSync(report, 'utf8')).messages;
} catch (e) {
  console.error(`The HTML checker did not write a report (${report}):\n${fs.readFileSync(report, 'utf8')}`);
  process.exit(1);
}
const errors = messages.filter(m => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
for (const m of errors) {
  const file = (m.url || '').replace(/^file:.*\/TestResults\//, 'TestResults/');
  console.log(`${file}:${m.lastLine ?? m.firstLine ?? '?'}: ${m.message}`);
}
console.log(`HTML checker: ${count} pages, ${errors.length} errors (report: ${report}).`);
process.exit(errors.length === 0 ? 0 : 1);
JS
