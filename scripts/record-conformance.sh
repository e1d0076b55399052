#!/usr/bin/env bash
# Records what real Django answers to the project's conformance scenarios, for each release the
# playground can be: tests/conformance/expected/django-V.json. Needs ../shared/conformance (the
# reference app and get-django.sh, which fetches 4.2 and 5.2 from Debian's archive on first use).
#   scripts/record-conformance.sh [3.2 4.2 5.2]
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${CONFORMANCE_DIR:-../shared/conformance}/django_ref
for v in "${@:-3.2 4.2 5.2}"; do
  for version in $v; do
    site=$("$ref/get-django.sh" "$version")
    # Django logs each 500's traceback on stderr: shown only when the recording fails.
    log=$(mktemp)
    PYTHONPATH=$site /usr/bin/python3 "$ref/record.py" tests/conformance/scenarios/*.json \
      >"tests/conformance/expected/django-$version.json" 2>"$log" || { cat "$log" >&2; exit 1; }
    rm -f "$log"
    echo "recorded tests/conformance/expected/django-$version.json (Django $(PYTHONPATH=$site /usr/bin/python3 -c 'import django; print(django.get_version())'))"
  done
done
