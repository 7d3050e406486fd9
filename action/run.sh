#!/usr/bin/env bash
# The run step of credlint's GitHub Action (action.yml): builds credlint
# from the action's own checkout, runs `credlint -sarif` over the patterns
# in the working directory (the repository root) and writes the SARIF log
# for the upload step.
#
# Environment (action.yml sets it):
#   CREDLINT_SOURCE         the action's checkout (github.action_path)
#   CREDLINT_REF            the action's ref (github.action_ref, which
#                           composite actions may leave empty): stamped as
#                           credlint's version when it is a tag vX.Y.Z
#   INPUT_PATTERNS          package patterns, space-separated (./...)
#   INPUT_ARGS              more credlint flags, space-separated
#   INPUT_SARIF_FILE        the SARIF log to write (credlint.sarif)
#   INPUT_FAIL_ON_FINDINGS  "true": exit 3 when there are findings
#   RUNNER_TEMP             where the binary is built (default: a temp dir)
#   GITHUB_OUTPUT           receives sarif-file=<path> and exit-code=<0|3>
#
# Exit status: 0 with or without findings, so that the upload step runs
# (with INPUT_FAIL_ON_FINDINGS=true, 3 with findings: the outputs are set
# and action.yml uploads anyway); 1 when credlint cannot be built or fails.
# When a package does not load or type-check, credlint still writes a log
# with the other packages' results and the error as a tool execution
# notification: it is kept and its outputs set (so it is uploaded), and the
# step fails. When no log was written (a bad flag or .credlint.toml), no
# SARIF file is left and no output is set.
set -euo pipefail
set -f # patterns are credlint's (./...), never the shell's globs

: "${CREDLINT_SOURCE:?is unset: the checkout of the action (github.action_path)}"
sarif="${INPUT_SARIF_FILE:-credlint.sarif}"
read -r -a patterns <<<"${INPUT_PATTERNS:-./...}"
read -r -a args <<<"${INPUT_ARGS:-}"
[ "${#patterns[@]}" -gt 0 ] || patterns=(./...)

bindir="${RUNNER_TEMP:-$(mktemp -d)}/credlint-action"
bin="$bindir/credlint"
ldflags="-s -w"
if [[ "${CREDLINT_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
  ldflags+=" -X main.releaseVersion=$CREDLINT_REF"
fi
# The build ignores the project's GOFLAGS (e.g. -mod=vendor) and go.work.
if ! (cd "$CREDLINT_SOURCE" && GOFLAGS=-mod=readonly GOWORK=off \
  go build -trimpath -ldflags "$ldflags" -o "$bin" ./cmd/credlint); then
  echo "::error::building credlint from $CREDLINT_SOURCE failed (credlint needs Go 1.26 or later on PATH: actions/setup-go)"
  exit 1
fi
"$bin" -version

mkdir -p "$(dirname "$sarif")"
code=0
"$bin" -sarif ${args[@]+"${args[@]}"} "${patterns[@]}" >"$sarif" || code=$?
case "$code" in
0) echo "credlint: no findings" ;;
3) echo "credlint: findings, written to $sarif" ;;
*)
  echo "::error::credlint -sarif ${args[*]:-} ${patterns[*]} failed (exit $code): see its messages above"
  if [ ! -s "$sarif" ]; then
    rm -f "$sarif"
    exit 1
  fi
  ;;
esac
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sarif-file=$sarif"
    echo "exit-code=$code"
  } >>"$GITHUB_OUTPUT"
fi
if [ "$code" != 0 ] && [ "$code" != 3 ]; then
  exit 1 # the partial log is uploaded; the step fails
fi
if [ "$code" = 3 ] && [ "${INPUT_FAIL_ON_FINDINGS:-false}" = true ]; then
  echo "::error::credlint has findings (fail-on-findings: true); they are uploaded to code scanning"
  exit 3
fi
exit 0
