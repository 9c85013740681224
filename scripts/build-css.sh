#!/usr/bin/env bash
# Builds the app's stylesheet and icons from src/CareerCompass.Web/Styles:
#   wwwroot/css/app.css  from site.scss (our tokens + only the Bootstrap parts the pages use + our rules), compressed
#   wwwroot/icons.svg    an SVG sprite of the bootstrap-icons named in icons.txt
#   wwwroot/lib/bootstrap/dist/js/bootstrap.bundle.min.js (and its LICENSE) copied from the same Bootstrap package,
#                        so the script and the styles are always one version
# All are committed, so `dotnet run` needs no Node. Run this after changing anything in Styles/.
#   scripts/build-css.sh          rebuild (installs the pinned npm packages from Styles/package-lock.json first)
#   scripts/build-css.sh --check  fail if the committed files differ from a fresh build
set -euo pipefail
cd "$(dirname "$0")/../src/CareerCompass.Web/Styles"

if ! command -v npm >/dev/null 2>&1; then
  echo "Building the CSS needs Node.js 20 or later with npm; no npm on PATH." >&2
  exit 1
fi
if [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts
fi

css=../wwwroot/css/app.css
icons=../wwwroot/icons.svg
js=../wwwroot/lib/bootstrap/dist/js/bootstrap.bundle.min.js
license=../wwwroot/lib/bootstrap/LICENSE
out="$css"
out_icons="$icons"
out_js="$js"
out_license="$license"
if [ "${1:-}" = "--check" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  out="$tmp/app.css"
  out_icons="$tmp/icons.svg"
  out_js="$tmp/bootstrap.bundle.min.js"
  out_license="$tmp/LICENSE"
fi

# Bootstrap 5.3's sources use @import and global functions; Sass warns about both, in our files too.
node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map --quiet-deps \
  --silence-deprecation=import,global-builtin,color-functions site.scss "$out"
node build-icons.mjs "$out_icons"
mkdir -p "$(dirname "$out_js")"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js "$out_js"
cp node_modules/bootstrap/LICENSE "$out_license"

if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$out" "$css" || ! cmp -s "$out_icons" "$icons" || ! cmp -s "$out_js" "$js" || ! cmp -s "$out_license" "$license"; then
    echo "wwwroot/css/app.css, wwwroot/icons.svg or wwwroot/lib/bootstrap is not what Styles/ builds: run scripts/build-css.sh and commit the result." >&2
    exit 1
  fi
  echo "app.css, icons.svg and the Bootstrap script match a fresh build."
else
  echo "Built $css ($(wc -c < "$out") bytes) and $icons ($(wc -c < "$out_icons") bytes); copied $js."
fi
