#!/usr/bin/env bash
# The Commons dashboard (dashboard/) in a browser, against a Commons node.
#
#   scripts/dashboard.sh                      # against ws://127.0.0.1:9944; starts a dev chain
#                                             # there (scripts/run-dev.sh) if nothing answers
#   scripts/dashboard.sh --rpc ws://HOST:PORT # against any other Commons node
#   scripts/dashboard.sh --build              # only build dashboard/dist: a static site that
#                                             # any web server can serve
#
# Serves the built dashboard at http://127.0.0.1:5173 until Ctrl-C (the address to open is
# printed; the node's address can also be changed on the page).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"

RPC="ws://127.0.0.1:9944"
BUILD_ONLY=0
while [ $# -gt 0 ]; do
	case "$1" in
	--build) BUILD_ONLY=1 ;;
	--rpc)
		RPC="$2"
		shift
		;;
	*)
		echo "unknown argument: $1 (see the header of $0)" >&2
		exit 2
		;;
	esac
	shift
done

(cd "$ROOT/dashboard" && npm run --silent build)
[ "$BUILD_ONLY" = 1 ] && exit 0

listens() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ "$RPC" = "ws://127.0.0.1:9944" ] && ! listens 9944; then
	log "nothing answers at $RPC: starting a dev chain (scripts/run-dev.sh, log in $CARGO_TARGET_DIR/dashboard-dev-node.log)"
	"$ROOT/scripts/run-dev.sh" >"$CARGO_TARGET_DIR/dashboard-dev-node.log" 2>&1 &
	NODE_PID=$!
	trap 'kill $NODE_PID 2>/dev/null || true' EXIT
	for _ in $(seq 1 600); do
		listens 9944 && break
		kill -0 "$NODE_PID" 2>/dev/null || { echo "the dev node stopped; see $CARGO_TARGET_DIR/dashboard-dev-node.log" >&2; exit 1; }
		sleep 1
	done
fi
log "dashboard: http://127.0.0.1:5173/?rpc=$RPC"
cd "$ROOT/dashboard"
npx vite preview --host 127.0.0.1 --port 5173 --strictPort
