#!/usr/bin/env bash
# Installs what the real-editor tests need on a Debian machine: Chromium, Neovim, ripgrep and the
# build tools for code-server's native modules (apt), code-server into .vscode-test/code-server
# (kept out of the extension's devDependencies: ~300 MB; cached per machine, see below), and
# playwright-core (a pinned devDependency, so `npm ci` already brought it). Idempotent: every
# step checks first and is skipped when its result is already there. Non-interactive; apt needs
# root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION=4.100.3
RG_CACHE_VERSION=1.15.11
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CS_DIR=.vscode-test/code-server
APT_PACKAGES=(chromium neovim fonts-dejavu-core ripgrep
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)

started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"; }
say() { printf '[e2e setup] %s\n' "$*"; }

# --- Debian packages --------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "apt done ($(elapsed))"
else
  say "apt packages present"
fi

# --- ripgrep for @vscode/ripgrep's postinstall (it would download rg from GitHub) -------------
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-${RG_CACHE_VERSION}"
if [ ! -s "$rg_cache/$RG_TARBALL" ]; then
  mkdir -p "$rg_cache"
  tmp=$(mktemp -d)
  cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$rg_cache/$RG_TARBALL" -C "$tmp" rg
  rm -rf "$tmp"
  say "ripgrep tarball placed in $rg_cache"
fi

# --- code-server ------------------------------------------------------------------------------
# Installed once per machine into a cache outside the clone (CI works in a fresh clone each run),
# and linked as .vscode-test/code-server. NETPOL_E2E_CACHE moves the cache; NETPOL_E2E_NO_CACHE=1
# installs straight into .vscode-test/. A real install already in .vscode-test/ is used as it is.
cs_ok() {
  [ -x "$1/node_modules/.bin/code-server" ] &&
    [ "$(node -p "try { JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).version } catch { '' }" "$1/node_modules/code-server/package.json")" = "$CODE_SERVER_VERSION" ]
}
cs_install() { # $1: an empty folder
  echo '{ "private": true, "description": "code-server for the e2e tests (not part of the extension)" }' >"$1/package.json"
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise.
  # yes: node-pty's postinstall runs `npx node-gyp`, and a user npmrc may say yes=false.
  # dangerously_allow_all_scripts: npm >= 11.1x blocks dependency install scripts unless
  # approved, and code-server's postinstall (which runs nested npm installs for its native
  # modules) is the whole point of this install; the env var reaches the nested npm runs too.
  # JOBS: node-gyp compiles those native modules on every core.
  (cd "$1" && JOBS=max npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
    npm install --no-audit --no-fund --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null)
}
if cs_ok "$CS_DIR"; then
  say "code-server $CODE_SERVER_VERSION present"
elif [ "${NETPOL_E2E_NO_CACHE:-}" = 1 ]; then
  say "npm: installing code-server@$CODE_SERVER_VERSION into $CS_DIR"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  cs_install "$CS_DIR"
  say "code-server installed ($(elapsed))"
else
  cache_root=${NETPOL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/netpol-lens-e2e}
  cached="$cache_root/code-server-$CODE_SERVER_VERSION"
  if cs_ok "$cached"; then
    say "code-server $CODE_SERVER_VERSION cached in $cached"
  else
    say "npm: installing code-server@$CODE_SERVER_VERSION into $cached"
    # Into a private folder first, renamed when complete: an interrupted or concurrent
    # install never leaves a half-installed cache behind.
    tmp="$cached.partial.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    trap 'rm -rf "$tmp"' EXIT
    cs_install "$tmp"
    if cs_ok "$cached"; then rm -rf "$tmp"; else rm -rf "$cached" && mv "$tmp" "$cached"; fi
    trap - EXIT
    say "code-server installed ($(elapsed))"
  fi
  rm -rf "$CS_DIR" && mkdir -p "$(dirname "$CS_DIR")"
  ln -s "$cached" "$CS_DIR"
  cs_ok "$CS_DIR" || { say "code-server at $CS_DIR does not start from the cache"; exit 1; }
fi

# --- playwright-core (devDependency; only the driver, never `playwright install`) ------------
if ! node -e "require.resolve('playwright-core')" 2>/dev/null; then
  say "playwright-core missing: run npm ci (it is a pinned devDependency)"
  npm install --no-audit --no-fund --no-save playwright-core@"$(node -p "require('./package.json').devDependencies['playwright-core']")"
fi

say "ready in $(elapsed): $(chromium --version 2>/dev/null | head -1); $(nvim --version | head -1); code-server $CODE_SERVER_VERSION"
