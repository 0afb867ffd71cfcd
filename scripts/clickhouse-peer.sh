#!/usr/bin/env bash
# Installs (if needed) and runs the peer ClickHouse 18.16 (Debian package) on loopback only:
# HTTP 18123, native TCP 19000, no interserver port, timezone UTC, data in $CLICKHOUSE_PEER_DIR.
#
#   scripts/clickhouse-peer.sh start   # idempotent: does nothing if the peer already answers /ping
#   scripts/clickhouse-peer.sh stop    # kills the server recorded in the pidfile
#
# Client:  clickhouse-client --host 127.0.0.1 --port 19000
#          curl 'http://127.0.0.1:18123/?query=SELECT%20version()'
set -euo pipefail

PEER_DIR="${CLICKHOUSE_PEER_DIR:-/tmp/columba-clickhouse-peer}"
HTTP_PORT=18123
TCP_PORT=19000
PID_FILE="$PEER_DIR/clickhouse-server.pid"
CONFIG_FILE="$PEER_DIR/config.xml"
SERVER_BIN=""
START_TIMEOUT_SECONDS=60

log() { echo "clickhouse-peer: $*" >&2; }

pinging() {
    [[ "$(curl -s --max-time 2 "http://127.0.0.1:$HTTP_PORT/ping" 2>/dev/null || true)" == "Ok." ]]
}

find_server_binary() {
    # The Debian package installs the server in /usr/sbin; upstream packages use /usr/bin.
    local candidate
    for candidate in /usr/bin/clickhouse-server /usr/sbin/clickhouse-server; do
        if [[ -x "$candidate" ]]; then
            SERVER_BIN="$candidate"
            return 0
        fi
    done
    return 1
}

install_if_missing() {
    if find_server_binary && command -v clickhouse-client >/dev/null; then
        return 0
    fi
    log "installing clickhouse-server and clickhouse-client with apt-get"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y clickhouse-server clickhouse-client
    find_server_binary || { log "ERROR: clickhouse-server binary not found after install"; exit 1; }
}

write_config() {
    mkdir -p "$PEER_DIR/data" "$PEER_DIR/tmp" "$PEER_DIR/user_files" "$PEER_DIR/format_schemas" "$PEER_DIR/log"
    # users.xml from the package: user 'default' without password. Only loopback listens anyway.
    cp /etc/clickhouse-server/users.xml "$PEER_DIR/users.xml"
    # A complete, small config (not an override) so no port of the packaged config.xml is opened:
    # no interserver_http_port, no https/secure ports, no MySQL/PostgreSQL ports (absent in 18.16 anyway).
    cat >"$CONFIG_FILE" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$PEER_DIR/log/clickhouse-server.log</log>
        <errorlog>$PEER_DIR/log/clickhouse-server.err.log</errorlog>
        <size>100M</size>
        <count>3</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$HTTP_PORT</http_port>
    <tcp_port>$TCP_PORT</tcp_port>
    <timezone>UTC</timezone>
    <max_connections>4096</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>8589934592</uncompressed_cache_size>
    <mark_cache_size>5368709120</mark_cache_size>
    <path>$PEER_DIR/data/</path>
    <tmp_path>$PEER_DIR/tmp/</tmp_path>
    <user_files_path>$PEER_DIR/user_files/</user_files_path>
    <format_schema_path>$PEER_DIR/format_schemas/</format_schema_path>
    <users_config>$PEER_DIR/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mlock_executable>false</mlock_executable>
    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
    <max_table_size_to_drop>0</max_table_size_to_drop>
    <max_partition_size_to_drop>0</max_partition_size_to_drop>
</yandex>
EOF
    if id clickhouse >/dev/null 2>&1; then
        chown -R clickhouse:clickhouse "$PEER_DIR"
    fi
}

start() {
    if pinging; then
        log "already running on http://127.0.0.1:$HTTP_PORT"
        return 0
    fi
    install_if_missing
    if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        log "process $(cat "$PID_FILE") from $PID_FILE is alive but does not answer yet; waiting for it"
    else
        rm -f "$PID_FILE"
        write_config
        local run_as=()
        if [[ "$(id -u)" == 0 ]] && id clickhouse >/dev/null 2>&1; then
            run_as=(--chuid clickhouse:clickhouse)
        fi
        log "starting $SERVER_BIN with $CONFIG_FILE"
        TZ=UTC start-stop-daemon --start "${run_as[@]}" --background --make-pidfile \
            --pidfile "$PID_FILE" --chdir "$PEER_DIR" \
            --exec "$SERVER_BIN" -- --config-file="$CONFIG_FILE"
    fi
    local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
    until pinging; do
        if ((SECONDS >= deadline)); then
            log "ERROR: no 'Ok.' from http://127.0.0.1:$HTTP_PORT/ping after ${START_TIMEOUT_SECONDS}s"
            log "see $PEER_DIR/log/clickhouse-server.err.log:"
            tail -n 20 "$PEER_DIR/log/clickhouse-server.err.log" >&2 2>/dev/null || true
            exit 1
        fi
        if [[ -f "$PID_FILE" ]] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            log "ERROR: server process $(cat "$PID_FILE") exited during startup; see $PEER_DIR/log/clickhouse-server.err.log:"
            tail -n 20 "$PEER_DIR/log/clickhouse-server.err.log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.5
    done
    log "running: http://127.0.0.1:$HTTP_PORT (native 127.0.0.1:$TCP_PORT), pid $(cat "$PID_FILE" 2>/dev/null || echo '?')"
}

stop() {
    if [[ ! -f "$PID_FILE" ]]; then
        log "no pidfile $PID_FILE; nothing to stop"
        return 0
    fi
    local pid
    pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        local deadline=$((SECONDS + 30))
        while kill -0 "$pid" 2>/dev/null; do
            if ((SECONDS >= deadline)); then
                log "process $pid still alive after 30s; sending SIGKILL"
                kill -9 "$pid" 2>/dev/null || true
                break
            fi
            sleep 0.2
        done
        log "stopped (pid $pid)"
    else
        log "process $pid from $PID_FILE is not running"
    fi
    rm -f "$PID_FILE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 start|stop   (env CLICKHOUSE_PEER_DIR, default /tmp/columba-clickhouse-peer)" >&2
        exit 2
        ;;
esac
