#!/usr/bin/env bash
# Real Django judges the replay: the shared public scenarios and console ones, and the project's
# own (tests/conformance/scenarios and console/scenarios), for every release the playground can
# be. Each set is recorded afresh from Django (4.2 and 5.2 are fetched from Debian's archive by
# get-django.sh on first use, cached in ~/.cache/django-ref), replayed by `npm run replay`, and
# compared by the reference's compare.py, which keeps signed values and session_data byte for
# byte and has real Django decode them.
#   scripts/compare-with-django.sh [3.2 4.2 5.2]
set -euo pipefail
cd "$(dirname "$0")/.."
conf=${CONFORMANCE_DIR:-../shared/conformance}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for version in ${@:-3.2 4.2 5.2}; do
  site=$("$conf/django_ref/get-django.sh" "$version")
  for set in public public-console own own-console; do
    case $set in
      public) files=("$conf"/scenarios/*.json) ;;
      public-console) files=("$conf"/scenarios/console/*.json) ;;
      own) files=(tests/conformance/scenarios/*.json) ;;
      own-console) files=(tests/conformance/console/scenarios/*.json) ;;
    esac
    PYTHONPATH=$site /usr/bin/python3 "$conf/django_ref/record.py" "${files[@]}" \
      >"$work/django-$set.json" 2>"$work/record.log" || { cat "$work/record.log"; exit 1; }
    npm run --silent replay -- --django "$version" "${files[@]}" >"$work/replay-$set.json"
    echo "== Django $version, $set scenarios (${#files[@]} files)"
    (cd "$conf/django_ref" && PYTHONPATH=$site /usr/bin/python3 compare.py \
      "$work/django-$set.json" "$work/replay-$set.json") || status=1
  done
done
[ "$status" = 0 ] || { echo "The replay differs from real Django (above)."; exit 1; }
