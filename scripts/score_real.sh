#!/bin/sh
# Score the parser on the real-page development set with the shared scorer:
#   scripts/score_real.sh [BATCH_DIR ...]   (default: every batch)
# prints one "overall" line per batch, then one for all the given batches pooled.
# Pages live in tests/parsing/data/real/<batch>/, gold answers in <batch>/gold/.
set -e
cd "$(dirname "$0")/.."
. bin/uv-env.sh
SCORE=../shared/eval/score.py
[ -f "$SCORE" ] || SCORE=tests/parsing/shared_score.py
CMD="$UV run --no-sync python manage.py parse_document --json"
[ $# -gt 0 ] || set -- tests/parsing/data/real/b*/
pool=$(mktemp -d)
trap 'rm -rf "$pool"' EXIT
mkdir -p "$pool/gold"
for batch in "$@"; do
    batch=${batch%/}
    printf '%s\t' "$(basename "$batch")"
    python3 "$SCORE" --gold "$batch/gold" --docs "$batch" --cmd "$CMD" | tail -n 1
    for g in "$batch"/gold/*.json; do
        stem=$(basename "$g" .json)
        b=$(basename "$batch")
        # pooled copies keep the batch in their name (stems may repeat across batches)
        sed "s/\"source\": *\"$stem\./\"source\": \"${b}__$stem./" "$g" > "$pool/gold/${b}__$stem.json"
        for t in "$batch/$stem".*; do [ -f "$t" ] && cp "$t" "$pool/${b}__$(basename "$t")"; done
    done
done
printf 'pooled\t'
python3 "$SCORE" --gold "$pool/gold" --docs "$pool" --cmd "$CMD" | tail -n 1
