#!/usr/bin/env bash
# The real-editor suites, as .ci/run calls them: install what they need (setup.sh, a no-op when
# everything is there), then run each suite whose npm script exists in package.json. Every suite
# runs even when an earlier one failed, so one CI run shows every broken client; the exit code is
# non-zero if any failed. Non-interactive (CI=true, no stdin).
#
# Suites: test:ui (the VSIX in code-server + Chromium), test:exthost (mocha suites on the vscode
# API inside code-server), test:nvim (Neovim as an LSP client of dist/server.js). Add a suite by
# adding its script name to SUITES.
set -uo pipefail
cd "$(dirname "$0")/../.."

SUITES=(test:ui test:exthost test:nvim)

say() { printf '[e2e] %s\n' "$*"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

t0=$(now_ms)
if ! bash test/e2e/setup.sh </dev/null; then
  say "setup failed: the real-editor suites cannot run"
  exit 1
fi
say "setup took $(( $(now_ms) - t0 )) ms"

has_script() { node -e "process.exit(require('./package.json').scripts?.[process.argv[1]] ? 0 : 1)" "$1"; }

passed=0
failed=0
failed_names=()
for suite in "${SUITES[@]}"; do
  if ! has_script "$suite"; then
    say "$suite: no such npm script, skipped"
    continue
  fi
  say "running npm run $suite"
  s0=$(now_ms)
  if npm run --silent "$suite" </dev/null; then
    passed=$((passed + 1))
    say "$suite passed in $(( $(now_ms) - s0 )) ms"
  else
    failed=$((failed + 1))
    failed_names+=("$suite")
    say "$suite FAILED after $(( $(now_ms) - s0 )) ms (screenshots and logs in test-output/)"
  fi
done

say "real-editor suites done in $(( $(now_ms) - t0 )) ms${failed_names[*]:+; failed: ${failed_names[*]}}"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
