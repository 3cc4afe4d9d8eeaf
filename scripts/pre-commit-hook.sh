#!/usr/bin/env bash
# Entry point of the `migralint` pre-commit hook (.pre-commit-hooks.yaml, language: script).
#
# pre-commit clones this repository once per revision into its cache and runs this script from the
# user's repository. It runs the committed, self-contained bundle standalone/migralint.mjs: nothing
# to install or build, so the first run is as fast as the next (only Node.js >= 20.19 is needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v node >/dev/null 2>&1; then
  echo "migralint pre-commit hook: Node.js >= 20.19 is required, and \`node\` is not on PATH; install Node.js (https://nodejs.org)" >&2
  exit 2
fi
# `node --version`, read here: a check in JavaScript (`node -e`) starts Node's runtime, ~80 ms of every commit.
version="$(node --version)"
IFS=. read -r major minor _ <<<"${version#v}"
if [[ ! "$major.$minor" =~ ^[0-9]+\.[0-9]+$ ]] || ((major < 20 || (major == 20 && minor < 19))); then
  echo "migralint pre-commit hook: Node.js >= 20.19 is required, found $version; upgrade Node.js" >&2
  exit 2
fi
# The result cache lives in pre-commit's own copy of this repository (its cache, never the user's
# repository), one folder per user repository, so an unchanged history is not linted again.
cache="$here/.migralint-cache/$(pwd | cksum | cut -d' ' -f1)"
if [ -w "$here" ]; then
  exec node "$here/standalone/migralint.mjs" --cache --cache-location "$cache" "$@"
fi
exec node "$here/standalone/migralint.mjs" "$@"
