#!/usr/bin/env bash
# Two Huian nodes on one PostgreSQL, on one machine (docs/cluster.md).
#
#   HUIAN_DB_URL=jdbc:postgresql://localhost:5432/huian HUIAN_DB_USER=huian HUIAN_DB_PASSWORD=secret \
#     scripts/cluster.sh start          # node-a on 8080, then node-b on 8081
#   scripts/cluster.sh status
#   scripts/cluster.sh stop             # both (SIGTERM, graceful; SIGKILL after 40 s)
#   scripts/cluster.sh start node-a     # or stop node-b, ...: one node
#
# Environment:
#   HUIAN_DB_URL, HUIAN_DB_USER, HUIAN_DB_PASSWORD   the shared database (required for start)
#   HUIAN_JAR               the application jar (default: target/huian-*.jar; build: mvn -DskipTests package)
#   HUIAN_CLUSTER_DIR       pid files and logs (default: ./cluster-run)
#   HUIAN_PORT_A/B          ports (default 8080 / 8081)
#   SPRING_PROFILES_ACTIVE  default "postgres"; use "postgres,prod" in production (needs HUIAN_ADMIN_PASSWORD)
#   JAVA_OPTS               extra JVM options (default -Xmx1g)
#   HUIAN_START_TIMEOUT     seconds to wait for a node's readiness (default 240)
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${HUIAN_CLUSTER_DIR:-./cluster-run}"
PORT_A="${HUIAN_PORT_A:-8080}"
PORT_B="${HUIAN_PORT_B:-8081}"
TIMEOUT="${HUIAN_START_TIMEOUT:-240}"
ALL=(node-a node-b)

port_of() { case "$1" in node-a) echo "$PORT_A" ;; node-b) echo "$PORT_B" ;; *) echo "unknown node $1" >&2; exit 2 ;; esac; }
pid_of() { [ -f "$DIR/$1.pid" ] && cat "$DIR/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
ready() { curl -fsS -o /dev/null "http://localhost:$(port_of "$1")/actuator/health/readiness" 2>/dev/null; }

jar() {
  if [ -n "${HUIAN_JAR:-}" ]; then echo "$HUIAN_JAR"; return; fi
  local j
  j="$(ls target/huian-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -1 || true)"
  if [ -z "$j" ]; then echo "no jar in target/: run 'mvn -DskipTests package' or set HUIAN_JAR" >&2; exit 1; fi
  echo "$j"
}

start_node() {
  local node="$1" port
  port="$(port_of "$node")"
  if alive "$node"; then echo "$node already running (pid $(pid_of "$node"))"; return; fi
  : "${HUIAN_DB_URL:?set HUIAN_DB_URL (jdbc:postgresql://host:5432/huian)}"
  : "${HUIAN_DB_USER:?set HUIAN_DB_USER}"
  : "${HUIAN_DB_PASSWORD?set HUIAN_DB_PASSWORD}"
  mkdir -p "$DIR"
  # one node name per node: it names the node in Camunda's job log and job locks
  # shellcheck disable=SC2086
  HUIAN_NODE_NAME="$node" PORT="$port" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-postgres}" \
    nohup java ${JAVA_OPTS:--Xmx1g} -jar "$(jar)" >>"$DIR/$node.log" 2>&1 &
  echo $! >"$DIR/$node.pid"
  echo "$node starting: pid $!, port $port, log $DIR/$node.log"
  local waited=0
  until ready "$node"; do
    if ! alive "$node"; then echo "$node exited during start, see $DIR/$node.log" >&2; rm -f "$DIR/$node.pid"; exit 1; fi
    if [ "$waited" -ge "$TIMEOUT" ]; then echo "$node not ready after ${TIMEOUT} s, see $DIR/$node.log" >&2; exit 1; fi
    sleep 2; waited=$((waited + 2))
  done
  echo "$node ready on http://localhost:$port"
}

stop_node() {
  local node="$1" pid
  pid="$(pid_of "$node")"
  if ! alive "$node"; then echo "$node not running"; rm -f "$DIR/$node.pid"; return; fi
  kill -TERM "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then echo "$node did not stop in 40 s: SIGKILL"; kill -KILL "$pid"; fi
  rm -f "$DIR/$node.pid"
  echo "$node stopped"
}

status_node() {
  local node="$1"
  if alive "$node"; then
    echo "$node pid $(pid_of "$node") port $(port_of "$node"): $(ready "$node" && echo ready || echo 'not ready')"
  else
    echo "$node stopped"
  fi
}

cmd="${1:-}"; shift || true
nodes=("$@"); [ ${#nodes[@]} -eq 0 ] && nodes=("${ALL[@]}")
case "$cmd" in
  # one after the other: on an empty database the first node creates Camunda's schema, the admin
  # user and the identity seed; Camunda takes no lock for its schema creation (docs/cluster.md)
  start) for n in "${nodes[@]}"; do start_node "$n"; done ;;
  stop) for n in "${nodes[@]}"; do stop_node "$n"; done ;;
  status) for n in "${nodes[@]}"; do status_node "$n"; done ;;
  *) echo "usage: $0 start|stop|status [node-a|node-b]..." >&2; exit 2 ;;
esac
