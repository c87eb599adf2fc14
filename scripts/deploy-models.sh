#!/usr/bin/env bash
# Deploy model files as one deployment, the way Camunda Modeler does (multipart POST to
# /engine-rest/deployment/create), for a bundle that must travel together: a process with its
# forms and the processes it calls by deployment (docs/designers.md, "Bundles").
#
#   scripts/deploy-models.sh processes/case-deadlines.dmn
#   scripts/deploy-models.sh processes/case-funnel.bpmn processes/case-handling.bpmn processes/mediation.bpmn \
#     processes/agreement-fulfilment.bpmn forms/case-*.form forms/return-visit.form forms/supervision-order.form \
#     forms/complexity-approval.form forms/mediation-*.form forms/fulfilment-confirm.form
#
# The deployment guard answers 400 with the problems (in Chinese) when something would break
# intake; nothing is deployed then.
#
# Environment:
#   HUIAN_URL, HUIAN_USER (default designer), HUIAN_PASSWORD (default demo)
#   HUIAN_DEPLOYMENT_NAME   default: the first file's name
#   HUIAN_TENANT            a district's code, for a district's own decision (docs/geography.md)
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: scripts/deploy-models.sh FILE..." >&2; exit 2; }
URL="${HUIAN_URL:-http://localhost:8080}"
USER_PASS="${HUIAN_USER:-designer}:${HUIAN_PASSWORD:-demo}"
NAME="${HUIAN_DEPLOYMENT_NAME:-$(basename "$1")}"
args=(-F "deployment-name=$NAME" -F "deployment-source=huian-script")
[ -n "${HUIAN_TENANT:-}" ] && args+=(-F "tenant-id=$HUIAN_TENANT")
for f in "$@"; do
  args+=(-F "$(basename "$f")=@$f")
done
out="$(curl -sS -u "$USER_PASS" -w '\n%{http_code}' "${args[@]}" "$URL/engine-rest/deployment/create")"
status="${out##*$'\n'}"
echo "${out%$'\n'*}"
[ "$status" = 200 ]
