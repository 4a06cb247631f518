#!/bin/sh
# Measures how many lines Prettier would change for candidate settings (the .prettierrc was chosen
# as the least churn). Usage: scripts/codemods/prettier-churn.sh '<json config>' ...
set -e
root=$(git rev-parse --show-toplevel)
scratch=$(mktemp -d)
cd "$root"
git ls-files '*.ts' '*.tsx' '*.js' '*.mjs' | grep -v '__generated__\|/generated/\|web/src/gql/' > "$scratch/files"
for cfg in "$@"; do
  rm -rf "$scratch/tree" && mkdir -p "$scratch/tree"
  tar -cf - -T "$scratch/files" | tar -xf - -C "$scratch/tree"
  echo "$cfg" > "$scratch/tree/.prettierrc.json"
  (cd "$scratch/tree" && git init -q && git add -A && git -c user.email=x@x -c user.name=x commit -qm base \
    && "$root/node_modules/.bin/prettier" --write --log-level=silent . >/dev/null 2>&1 || true;
    printf '%s\t' "$cfg"; git diff --shortstat)
done
rm -rf "$scratch"
