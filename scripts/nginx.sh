#!/usr/bin/env bash
# Debian's nginx as a load balancer in front of app instances on this machine, for the tests and benchmarks: run
# from a folder of its own (config, pid, logs, temp files), on a free loopback port, nothing installed as a service.
#
#   scripts/nginx.sh start DIR PORT...   installs Debian's nginx if it is missing (apt-get, as root or through sudo),
#                                        writes DIR/nginx.conf balancing round-robin over 127.0.0.1:PORT... and starts
#                                        it; prints the address it listens on (http://localhost:N)
#   scripts/nginx.sh stop DIR            stops it (the folder stays, with its logs; delete it when you like)
#
# Round-robin with no stickiness: each request goes to the next instance. A refused connection, a timeout or a 502
# moves the request on to the other instance (proxy_next_upstream), so an instance that dies loses no request that
# it had not started. DIR/access.log has one line per request: "<upstream address(es)> <status> <method> <uri>".
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ] || { [ "$command" = start ] && [ $# -lt 3 ]; }; then
  echo "usage: $0 start DIR PORT... | stop DIR" >&2
  exit 2
fi

nginx_bin() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true
}

case "$command" in
  start)
    shift 2
    bin=$(nginx_bin)
    if [ -z "$bin" ]; then
      echo "Installing Debian's nginx (the load balancer for the two-instance tests)..." >&2
      sudo=""
      if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx >/dev/null
      bin=$(nginx_bin)
    fi

    mkdir -p "$dir/temp"
    dir=$(cd "$dir" && pwd)
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
      shuf -i 20000-60000 -n 1)

    servers=""
    for upstream in "$@"; do
      servers="$servers        server 127.0.0.1:$upstream max_fails=1 fail_timeout=10s;"$'\n'
    done

    # As root the master would hand its workers to "nobody", who can't write the temp folder here: keep them root.
    user=""
    if [ "$(id -u)" -eq 0 ]; then user="user root;"; fi

    cat >"$dir/nginx.conf" <<EOF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }

http {
    client_body_temp_path $dir/temp/client;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;

    log_format upstreams '\$upstream_addr \$status \$request_method \$request_uri';
    access_log $dir/access.log upstreams;

    # Round-robin (nginx's default): no ip_hash, no cookie, every request to the next instance.
    upstream careercompass {
$servers        keepalive 16;
    }

    server {
        listen 127.0.0.1:$port;
        client_max_body_size 10m;

        location / {
            proxy_pass http://careercompass;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 2;
        }
    }
}
EOF

    "$bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -t -q
    "$bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    for _ in $(seq 1 50); do
      if [ -s "$dir/nginx.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "http://localhost:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "nginx did not start listening on 127.0.0.1:$port; see $dir/error.log:" >&2
    cat "$dir/error.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -s "$dir/nginx.pid" ]; then
      pid=$(cat "$dir/nginx.pid")
      # Only the nginx started from this folder; "quit" lets requests in flight finish.
      kill -QUIT "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || exit 0
        sleep 0.1
      done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start DIR PORT... | stop DIR" >&2
    exit 2
    ;;
esac
