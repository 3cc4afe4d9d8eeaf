#!/usr/bin/env bash
# Entry point of the `migralint` pre-commit hook (.pre-commit-hooks.yaml, language: script).
#
# pre-commit clones this repository once per revision into its cache and runs this script from the
# user's repository. The clone has no node_modules and no build, so the first run installs and builds
# it (about half a minute, once); later runs go straight to the CLI. A lock keeps two runs from
# building at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$here/packages/cli/bin/migralint.js"

if [[ ! -f "$here/packages/cli/dist/main.js" || ! -d "$here/node_modules" ]]; then
  command -v node >/dev/null || { echo "migralint pre-commit hook: Node.js >= 20.19 is required (node not found)" >&2; exit 2; }
  exec 9>"$here/.bootstrap.lock"
  flock 9 2>/dev/null || true
  if [[ ! -f "$here/packages/cli/dist/main.js" || ! -d "$here/node_modules" ]]; then
    echo "migralint: first run of this hook version, installing and building it (once)…" >&2
    log="$here/.bootstrap.log"
    if ! (cd "$here" && npx -y pnpm@10.34.8 install --frozen-lockfile && npx -y pnpm@10.34.8 run build) >"$log" 2>&1; then
      echo "migralint pre-commit hook: setup failed; see $log" >&2
      tail -n 20 "$log" >&2
      exit 2
    fi
  fi
fi
exec node "$cli" "$@"
