#!/usr/bin/env bash
# Installs examples/nextjs as a host would: its own locked dependencies, then profilekit from the packed
# tarball of the built package (run `npm run build` first). Nothing of it enters the root install.
set -euo pipefail
cd "$(dirname "$0")/../.."
pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
npm pack --silent --pack-destination "$pack_dir" >/dev/null
cd examples/nextjs
npm ci --no-audit --no-fund
npm install --no-save --no-audit --no-fund "$pack_dir"/profilekit-*.tgz
