#!/usr/bin/env bash
# Bring a deployed model back into the repository, so that a designer's change made in Camunda
# Modeler is versioned in git and ships with the next release (docs/designers.md).
#
#   scripts/pull-model.sh case-deadlines        # the effective (latest shared) version
#   scripts/pull-model.sh case-deadlines 5      # version 5
#   scripts/pull-model.sh case-handle           # a form, by its id (latest)
#
# Writes processes/<key>.bpmn, processes/<key>.dmn or forms/<key>.form with the deployed bytes
# (GET /api/admin/definitions/<key>/xml), then shows git diff. Review, bump the
# camunda:versionTag to the coming release when the designer kept their own tag, and commit.
#
# Environment:
#   HUIAN_URL       default http://localhost:8080
#   HUIAN_USER      default designer (a process designer or camunda-admin)
#   HUIAN_PASSWORD  default demo
set -euo pipefail
cd "$(dirname "$0")/.."

KEY="${1:?usage: scripts/pull-model.sh KEY [VERSION]}"
VERSION="${2:-}"
URL="${HUIAN_URL:-http://localhost:8080}"
USER_PASS="${HUIAN_USER:-designer}:${HUIAN_PASSWORD:-demo}"

tmp="$(mktemp)"; headers="$(mktemp)"
trap 'rm -f "$tmp" "$headers"' EXIT
query=""; [ -n "$VERSION" ] && query="?version=$VERSION"
status="$(curl -sS -u "$USER_PASS" -D "$headers" -o "$tmp" -w '%{http_code}' "$URL/api/admin/definitions/$KEY/xml$query")"
if [ "$status" != 200 ]; then
  echo "GET /api/admin/definitions/$KEY/xml$query answered $status:" >&2
  cat "$tmp" >&2; echo >&2
  exit 1
fi
kind="$(grep -i '^X-Huian-Kind:' "$headers" | tr -d '\r' | awk '{print $2}')"
version="$(grep -i '^X-Huian-Version:' "$headers" | tr -d '\r' | awk '{print $2}')"
tag="$(grep -i '^X-Huian-Version-Tag:' "$headers" | tr -d '\r' | cut -d' ' -f2-)"
case "$kind" in
  PROCESS)  target="processes/$KEY.bpmn" ;;
  DECISION) target="processes/$KEY.dmn" ;;
  FORM)     target="forms/$KEY.form" ;;
  *) echo "unexpected kind '$kind'" >&2; exit 1 ;;
esac
cp "$tmp" "$target"
echo "$target: version $version${tag:+ (tag $tag)} as deployed"
git --no-pager diff --stat -- "$target" || true
