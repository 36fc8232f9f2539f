#!/bin/sh
# Old versus new SIEM delivery in one run: the same SiemExportLoad harness and the same Sentinel
# stand-in (this tree's), once with an older tree's store, server and integrations jars and once
# with this tree's, for each backlog size. Both trees must be packaged first, this one with its
# class path listed (see docs/benchmarks.md, "SIEM export").
#
#   scripts/siem-export-compare.sh OLD_TREE DATABASE SIZE...      e.g. /tmp/vigil-before h2 20000 100000
set -eu
old_tree=$1; database=$2; shift 2
new_cp="vigil-benchmarks/target/classes:$(cat vigil-benchmarks/target/classpath.txt)"
old_cp=$(echo "$new_cp" | tr ':' '\n' | while read -r entry; do
  case "$entry" in
    */vigil-simulators/*|*-tests.jar) echo "$entry" ;;
    "$PWD"/vigil-*/target/*) echo "$old_tree/${entry#"$PWD"/}" ;;
    *) echo "$entry" ;;
  esac
done | paste -sd: -)
for size in "$@"; do
  for version in old new; do
    if [ "$version" = old ]; then cp=$old_cp; else cp=$new_cp; fi
    data=$(mktemp -d)
    echo "== $version, $size alerts, $database, $(date -u +%FT%TZ)"
    java -Xmx2g -cp "$cp" io.vigil.benchmarks.SiemExportLoad "$size" "$database" "$data" 2>&1 \
      | grep -v -e ' INFO ' -e ' WARN ' -e '^\['
    rm -rf "$data"
  done
done
