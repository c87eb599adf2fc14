#!/usr/bin/env bash
# Move running instances of a Huian process from one version to another (docs/designers.md),
# through POST /api/admin/migrations (camunda-admin). A dry run first, always:
#
#   scripts/migrate.sh case-handling 1 2                 # dry run: who could move, who could not and why
#   scripts/migrate.sh case-handling 1 2 --execute       # migrate
#   scripts/migrate.sh case-handling 2 1 --map Task_ReviewResolution=Task_HandleCase   # explicit pairs (repeatable)
#
# Prints the report (JSON). Exit status 1 when any instance could not be (or was not) migrated.
#
# Environment:
#   HUIAN_URL       default http://localhost:8080
#   HUIAN_USER      default admin
#   HUIAN_PASSWORD  default admin
set -euo pipefail

KEY="${1:?usage: scripts/migrate.sh KEY FROM_VERSION TO_VERSION [--execute] [--map FROM=TO ...]}"
FROM="${2:?from version}"
TO="${3:?to version}"
shift 3
DRY=true
MAPPING=""
while [ $# -gt 0 ]; do
  case "$1" in
    --execute) DRY=false ;;
    --map) shift; pair="${1:?--map FROM=TO}"
           MAPPING="$MAPPING${MAPPING:+,}{\"from\":\"${pair%%=*}\",\"to\":\"${pair#*=}\"}" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
URL="${HUIAN_URL:-http://localhost:8080}"
USER_PASS="${HUIAN_USER:-admin}:${HUIAN_PASSWORD:-admin}"
body="{\"processKey\":\"$KEY\",\"fromVersion\":$FROM,\"toVersion\":$TO,\"dryRun\":$DRY,\"mapping\":[$MAPPING]}"

report="$(curl -sS -u "$USER_PASS" -H 'Content-Type: application/json' -w '\n%{http_code}' "$URL/api/admin/migrations" -d "$body")"
status="${report##*$'\n'}"
json="${report%$'\n'*}"
echo "$json"
[ "$status" = 200 ] || { echo "answered $status" >&2; exit 1; }
failed="$(printf '%s' "$json" | grep -o '"failed":[0-9]*' | head -1 | cut -d: -f2)"
[ "${failed:-0}" = 0 ]
