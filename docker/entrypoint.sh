#!/bin/sh
# Container entrypoint for every role of the InterviewGenius image.
#
#   ROLE=web     wait for the database, apply migrations, load shipped defaults, exec CMD
#   ROLE=worker  wait for the database, exec CMD (the Celery worker)
#   ROLE=beat    wait for the database, exec CMD (the Celery beat scheduler)
#
# Only the web role migrates, so that replicas of worker/beat never race it. The
# command (CMD, or what compose passes) is exec'd, so it runs as PID 1 and gets the
# container's signals directly.
set -eu

ROLE="${ROLE:-web}"
DB_WAIT_SECONDS="${DB_WAIT_SECONDS:-60}"

log() {
    echo "entrypoint[$ROLE]: $*" >&2
}

wait_for_database() {
    deadline=$(( $(date +%s) + DB_WAIT_SECONDS ))
    attempt=1
    # `check --database default` runs the database checks, which open a connection.
    until python manage.py check --database default >/dev/null 2>&1; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            log "database still unreachable after ${DB_WAIT_SECONDS}s; last error:"
            # Once more with output, so the reason ends up in the container log.
            python manage.py check --database default || true
            exit 1
        fi
        log "waiting for the database (attempt $attempt)"
        attempt=$(( attempt + 1 ))
        sleep 2
    done
    log "database is reachable"
}

case "$ROLE" in
    web)
        wait_for_database
        python manage.py migrate --noinput
        python manage.py load_defaults
        ;;
    worker | beat)
        wait_for_database
        ;;
    *)
        log "unknown ROLE '$ROLE' (expected web, worker or beat)"
        exit 64
        ;;
esac

if [ "$#" -eq 0 ]; then
    log "no command given"
    exit 64
fi

exec "$@"
