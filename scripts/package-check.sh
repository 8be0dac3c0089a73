#!/usr/bin/env bash
# The npm package as a user gets it: pack it (prepack builds dist/), install the tarball
# into a scratch project, run its `mlops-lens` command on a fixture, and check what it
# ships (only what runs: no tests, no fixtures, no source maps).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

tarball="$(npm pack --silent --pack-destination "$scratch" | tail -n 1)"
size=$(stat -c %s "$scratch/$tarball")
files="$(tar tzf "$scratch/$tarball")"
echo "package: $tarball, $((size / 1024)) KiB, $(echo "$files" | wc -l) files"
if echo "$files" | grep -E '^package/(test|src|eval|scripts)/|\.map$' ; then
  echo "PACKAGE CHECK FAILED: the tarball ships files that do not run (above)" >&2
  exit 1
fi
for needed in package/dist/cli.js package/dist/scanWorker.js package/knowledge/levels.yaml package/schema/report.schema.json package/action.yml; do
  echo "$files" | grep -qx "$needed" || { echo "PACKAGE CHECK FAILED: $needed is missing" >&2; exit 1; }
done
if [ "$size" -gt $((5 * 1024 * 1024)) ]; then
  echo "PACKAGE CHECK FAILED: $size bytes is over 5 MiB" >&2
  exit 1
fi

mkdir "$scratch/project"
cd "$scratch/project"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$scratch/$tarball"
report="$(./node_modules/.bin/mlops-lens "$root/test/fixtures/repos/level-2-pipelines" --format json)"
level="$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(0, "utf8")).level.current))' <<<"$report")"
if [ "$level" != "2" ]; then
  echo "PACKAGE CHECK FAILED: the installed command gave level $level on level-2-pipelines" >&2
  exit 1
fi
echo "PACKAGE CHECK: ok (installed from the tarball, mlops-lens ran: level $level on level-2-pipelines)"
