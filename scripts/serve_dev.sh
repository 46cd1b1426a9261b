#!/usr/bin/env bash
# The development server on 127.0.0.1:$PORT with the scheduler (run_scheduler) beside it, so pages go live and
# expire at their scheduled times. Stopping the server (Ctrl-C) stops the scheduler too.
set -uo pipefail
cd "$(dirname "$0")/.."

py=.venv/bin/python

"$py" manage.py run_scheduler &
scheduler=$!
trap 'kill -TERM "$scheduler" 2>/dev/null; wait "$scheduler" 2>/dev/null' EXIT
# Caught, so that the EXIT trap above runs however the script is stopped.
trap 'exit 130' INT
trap 'exit 143' TERM

"$py" manage.py runserver "127.0.0.1:${PORT:-8000}"
