#!/usr/bin/env bash
# A throw-away Ceph RADOS Gateway (S3) on loopback for tests and benchmarks.
#
#   scripts/rgw.sh start    bring it up (idempotent: already running -> ok)
#   scripts/rgw.sh stop     kill what start started and remove the state directory
#   scripts/rgw.sh status   exit 0 when the S3 endpoint answers a signed request
#   scripts/rgw.sh env      print export lines: RGW_ENDPOINT, RGW_ACCESS_KEY, RGW_SECRET_KEY
#
# Needs Debian's radosgw ceph-mon ceph-osd ceph-common (16.2.x) and curl (>= 7.75 for --aws-sigv4).
# One mon + one OSD + radosgw, no mgr, no cephx (auth none). Everything listens on 127.0.0.1 only.
#
# Settings (environment):
#   RGW_STATE_DIR   state directory              (default /tmp/imagepipeline-rgw)
#   RGW_PORT        S3 port                      (default 7480)
#   RGW_MON_PORT    mon msgr2 port               (default 3300)
#   RGW_OSD_STORE   bluestore | memstore         (default bluestore: a sparse file; memstore keeps
#                                                 every byte in RAM and grows to GBs under big uploads)
#   RGW_START_TIMEOUT seconds to wait per step   (default 60)
#
# The S3 keys are fixed and test-only; they protect nothing (the endpoint is loopback-only).
set -euo pipefail

STATE_DIR=${RGW_STATE_DIR:-/tmp/imagepipeline-rgw}
PORT=${RGW_PORT:-7480}
MON_PORT=${RGW_MON_PORT:-3300}
OSD_STORE=${RGW_OSD_STORE:-bluestore}
TIMEOUT=${RGW_START_TIMEOUT:-60}
ACCESS_KEY=imagepipeline-test-access
SECRET_KEY=imagepipeline-test-secret-not-a-secret
ENDPOINT="http://127.0.0.1:${PORT}"
CONF="$STATE_DIR/ceph.conf"
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

log() { echo "rgw.sh: $*" >&2; }

# A signed ListBuckets; RGW answers 403 to unsigned requests, so this proves the user works too.
s3_ready() {
    curl -fsS --max-time 3 \
        --aws-sigv4 "aws:amz:us-east-1:s3" --user "$ACCESS_KEY:$SECRET_KEY" \
        -H "x-amz-content-sha256: $EMPTY_SHA256" "$ENDPOINT/" 2>/dev/null | grep -q ListAllMyBucketsResult
}

diagnostics() {
    log "diagnostics (state: $STATE_DIR)"
    for f in "$STATE_DIR"/log/*.log "$STATE_DIR"/*.out; do
        [[ -s $f ]] || continue
        echo "----- tail of $f -----" >&2
        tail -n 25 "$f" >&2
    done
    for p in "$STATE_DIR"/run/*.pid; do
        [[ -e $p ]] || continue
        local pid; pid=$(cat "$p")
        if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$p" .pid): running (pid $pid)" >&2
        else echo "$(basename "$p" .pid): NOT running (pid $pid)" >&2; fi
    done
}

fail() {
    log "FAILED: $*"
    diagnostics
    exit 1
}

# wait_for <description> <command...>: polls every 0.1 s up to $TIMEOUT seconds.
wait_for() {
    local what=$1; shift
    local deadline=$((SECONDS + TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "timed out after ${TIMEOUT}s waiting for $what"
        local p
        for p in "$STATE_DIR"/run/*.pid; do
            [[ -e $p ]] && ! kill -0 "$(cat "$p")" 2>/dev/null && fail "$(basename "$p" .pid) exited while waiting for $what"
        done
        sleep 0.1
    done
}

ceph_cli() { timeout 20 ceph -c "$CONF" --connect-timeout 10 "$@"; }

# start_daemon <name> <command...>: runs in the background, records the pid for stop.
start_daemon() {
    local name=$1; shift
    # setsid: the daemons outlive this script and are not tied to the caller's terminal or job.
    setsid "$@" </dev/null >"$STATE_DIR/$name.out" 2>&1 &
    echo $! >"$STATE_DIR/run/$name.pid"
}

write_conf() {
    local fsid=$1
    cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
# Without this radosgw waits 300 s for a mon session under auth none.
ms mon client mode = crc secure
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
# The default (1 s) makes every map change, e.g. a user creation, take seconds.
paxos propose interval = 0.1
run dir = $STATE_DIR/run
admin socket = $STATE_DIR/run/\$name.asok
log file = $STATE_DIR/log/\$name.log
crash dir = $STATE_DIR/crash
keyring = /dev/null
mon data = $STATE_DIR/mon/\$name
osd data = $STATE_DIR/osd/\$name
osd objectstore = $OSD_STORE
osd crush update on start = true
# Small, bounded memory for a test box.
osd memory target = 939524096
bluestore block create = true
bluestore block size = 21474836480
bluestore cache autotune = false
bluestore cache size = 67108864
bluestore fsck on mkfs = false
bluestore fsck on mount = false
memstore device bytes = 8589934592
osd op num shards = 1
osd op num threads per shard = 2

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw dns name = 127.0.0.1
# Reclaim deleted/overwritten objects quickly so repeated test runs do not grow the OSD.
rgw gc obj min wait = 30
rgw gc processor period = 30
rgw enable usage log = false
rgw thread pool size = 64
EOF
}

start() {
    if s3_ready; then
        log "already running at $ENDPOINT"
        return 0
    fi
    [[ ! -e $STATE_DIR/run ]] || { log "stale state in $STATE_DIR; cleaning it up"; stop; }
    for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool curl setsid; do
        command -v "$tool" >/dev/null || fail "'$tool' not found; install: apt-get install radosgw ceph-mon ceph-osd ceph-common curl"
    done
    local t0=$EPOCHREALTIME
    mkdir -p "$STATE_DIR"/{run,log,crash,mon/mon.a,osd/osd.0}
    local fsid osd_uuid; fsid=$(cat /proc/sys/kernel/random/uuid); osd_uuid=$(cat /proc/sys/kernel/random/uuid)
    write_conf "$fsid"

    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$STATE_DIR/monmap" >/dev/null \
        || fail "monmaptool"
    ceph-mon -c "$CONF" --mkfs -i a --monmap "$STATE_DIR/monmap" >"$STATE_DIR/mon-mkfs.out" 2>&1 || fail "ceph-mon --mkfs"
    start_daemon mon ceph-mon -c "$CONF" -i a -f
    wait_for "the mon on 127.0.0.1:$MON_PORT" ceph_cli mon stat

    local id; id=$(ceph_cli osd new "$osd_uuid") || fail "ceph osd new"
    ceph-osd -c "$CONF" -i "$id" --mkfs --osd-uuid "$osd_uuid" >"$STATE_DIR/osd-mkfs.out" 2>&1 || fail "ceph-osd --mkfs"
    start_daemon osd ceph-osd -c "$CONF" -i "$id" -f
    wait_for "osd.$id to come up" bash -c "ceph -c '$CONF' --connect-timeout 5 osd dump 2>/dev/null | grep -q '^osd.$id up'"

    start_daemon rgw radosgw -c "$CONF" -n client.rgw -f
    # The user lives in RADOS, so this also proves the gateway's pools exist.
    wait_for "radosgw to create its pools" bash -c "ceph -c '$CONF' --connect-timeout 5 osd pool ls 2>/dev/null | grep -q 'default.rgw.meta'"
    radosgw-admin -c "$CONF" -n client.admin user create --uid imagepipeline --display-name "ImagePipeline tests" \
        --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY" >"$STATE_DIR/user-create.out" 2>&1 \
        || fail "radosgw-admin user create"
    wait_for "a signed S3 request to $ENDPOINT" s3_ready
    local ms=$(( (${EPOCHREALTIME/./} - ${t0/./}) / 1000 ))
    log "ready at $ENDPOINT ($OSD_STORE OSD) in $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s"
}

stop() {
    local p pid
    for p in "$STATE_DIR"/run/rgw.pid "$STATE_DIR"/run/osd.pid "$STATE_DIR"/run/mon.pid; do
        [[ -e $p ]] || continue
        pid=$(cat "$p")
        kill "$pid" 2>/dev/null || true
    done
    for p in "$STATE_DIR"/run/rgw.pid "$STATE_DIR"/run/osd.pid "$STATE_DIR"/run/mon.pid; do
        [[ -e $p ]] || continue
        pid=$(cat "$p")
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    # Only ever delete a directory this script made (it has our ceph.conf in it).
    if [[ -e $CONF || -d $STATE_DIR/run ]]; then rm -rf "$STATE_DIR"; fi
    log "stopped"
}

status() {
    if s3_ready; then echo "running at $ENDPOINT"; else echo "not running at $ENDPOINT"; return 1; fi
}

print_env() {
    echo "export RGW_ENDPOINT=$ENDPOINT"
    echo "export RGW_ACCESS_KEY=$ACCESS_KEY"
    echo "export RGW_SECRET_KEY=$SECRET_KEY"
}

# Leases let several test processes share one gateway: `lease` starts it if needed and counts a
# user, `release` uncounts one and stops the gateway when it started it and nobody is left.
LOCK_FILE="${STATE_DIR%/}.lock"
LEASES="${STATE_DIR%/}.leases"

lease() {
    exec 9>"$LOCK_FILE"
    flock 9
    if [ ! -s "$LEASES" ]; then
        if status >/dev/null 2>&1; then echo "external" >"$LEASES"; else start 9>&-; echo "owned" >"$LEASES"; fi
    fi
    echo "user" >>"$LEASES"
}

release() {
    exec 9>"$LOCK_FILE"
    flock 9
    [ -s "$LEASES" ] || return 0
    sed -i '$d' "$LEASES"
    if [ "$(wc -l <"$LEASES")" -le 1 ]; then
        [ "$(head -n 1 "$LEASES")" = "owned" ] && stop
        rm -f "$LEASES"
    fi
}

case "${1:-}" in
    start) exec 9>"$LOCK_FILE"; flock 9; start 9>&- ;;
    stop) stop ;;
    status) status ;;
    env) print_env ;;
    lease) lease ;;
    release) release ;;
    *) echo "usage: $0 start|stop|status|env|lease|release" >&2; exit 2 ;;
esac
