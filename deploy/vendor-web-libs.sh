#!/usr/bin/env bash
# Copies the browser libraries the pages use, with their licence files, from the npm registry into
# src/Rectification.Web/wwwroot/lib/<name>/. Versions are pinned in deploy/web-libs/package.json and package-lock.json (integrity
# hashes checked by `npm ci`). The copied files are committed: building, testing and running need only the .NET SDK, and the
# pages load every script from the host itself (content-security policy `script-src 'self'`).
#   bash deploy/vendor-web-libs.sh          # re-vendor after changing a pin (then commit wwwroot/lib)
# axe-core is not served: it goes to the browser tests, which inject it into each page they check.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lib=$root/src/Rectification.Web/wwwroot/lib
axe=$root/tests/Rectification.Integration.Tests/Support/axe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$root/deploy/web-libs/package.json" "$root/deploy/web-libs/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
m=$work/node_modules

# take PACKAGE DEST FILE... : copies the package's FILEs (paths inside it) and its licence into DEST, flattening nothing.
take() {
  local package=$1 dest=$2
  shift 2
  rm -rf "$dest"
  mkdir -p "$dest"
  for file in "$@"; do
    mkdir -p "$dest/$(dirname "$file")"
    cp -r "$m/$package/$file" "$dest/$file"
  done
  for licence in LICENSE LICENSE.md LICENSE.txt NOTICE; do
    [[ -f $m/$package/$licence ]] && cp "$m/$package/$licence" "$dest/"
  done
  local version
  version=$(node -p "require('$m/$package/package.json').version")
  echo "$package $version" > "$dest/VERSION"
  echo "vendored $package $version -> ${dest#"$root"/}"
}

take htmx.org "$lib/htmx" dist/htmx.min.js
take bootstrap "$lib/bootstrap" dist/css/bootstrap.min.css dist/js/bootstrap.bundle.min.js
take bootstrap-icons "$lib/bootstrap-icons" font/bootstrap-icons.min.css font/fonts/bootstrap-icons.woff2 font/fonts/bootstrap-icons.woff
take echarts "$lib/echarts" dist/echarts.min.js
take axe-core "$axe" axe.min.js
