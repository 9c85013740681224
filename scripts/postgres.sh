#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server, run as an ordinary user in a folder of
# its own, on a free loopback port, with nothing installed as a service.
#
#   scripts/postgres.sh start DIR   installs Debian's postgresql if it is missing (apt-get, as root or through sudo),
#                                   creates a cluster in DIR and starts it; prints its connection string
#   scripts/postgres.sh stop DIR    stops it (the folder stays; delete it when you like)
#
# The cluster trusts connections from this machine only (loopback and its own socket in DIR), and runs without fsync:
# it holds test data, nothing else. POSTGRES_DURABLE=1 keeps fsync, synchronous commit and full-page writes on, as a
# real server has them (for benchmarks that write: bench `writes`). As root, the server runs as Debian's `postgres` user (it refuses to run as root).
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    bin=$(bin_dir)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "Installing Debian's PostgreSQL server (for the PostgreSQL tests)..." >&2
      sudo=""
      if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
      # The package starts a cluster of its own as a service where it can; the tests don't use it.
      bin=$(bin_dir)
    fi

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    if [ ! -e "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U careercompass --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
      }
    fi

    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${POSTGRES_DURABLE:-0}" = "1" ]; then durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"; fi

    # A free port: ask the kernel for one, then hand it to the server.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
      shuf -i 20000-60000 -n 1)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=300" \
      start >/dev/null || {
      cat "$dir/server.log" >&2
      exit 1
    }
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=careercompass;Database=postgres"
    ;;
  stop)
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -e "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
