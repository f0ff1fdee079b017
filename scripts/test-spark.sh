#!/usr/bin/env bash
# Platform counting on a real local Apache Spark (issue 15): 1 M generated events as Parquet,
# counted by egov.spark in both modes (engine-exact SQL and egov-native mapInArrow), checked
# against Spark's own COUNT(DISTINCT) and the egov CLI; a task failing on its first attempt.
# Installs a Java 17 (Debian's openjdk-17-jre-headless, as root) and PySpark 3.5, pyarrow,
# pandas and numpy (into the venv) when missing. The egov package must be installed in PYTHON.
#   scripts/test-spark.sh [PYTHON] [EGOV_CLI]
#   (defaults target/venv/bin/python and target/debug/egov)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-target/venv/bin/python}
CLI=${2:-$PWD/target/debug/egov}
[[ -x "$CLI" ]] || cargo build -q --locked -p egov-cli
# Spark 3.5 runs on Java 8, 11 and 17: take Debian's 17, whatever else is on PATH.
java17=""
for d in /usr/lib/jvm/java-17-openjdk-*; do
  [[ -x "$d/bin/java" ]] && java17=$d && break
done
if [[ -z "$java17" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing openjdk-17-jre-headless (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    for d in /usr/lib/jvm/java-17-openjdk-*; do
      [[ -x "$d/bin/java" ]] && java17=$d && break
    done
  fi
  if [[ -z "$java17" ]]; then
    echo "spark: a Java 17 is needed (apt-get install openjdk-17-jre-headless)" >&2
    exit 1
  fi
fi
"$PY" -c "import pyspark, pyarrow, pandas, numpy" 2>/dev/null ||
  "$PY" -m pip install -q --disable-pip-version-check "pyspark>=3.5,<3.6" "pyarrow>=14" "pandas>=2" "numpy>=1.24"
"$PY" -c "import pyspark; print('spark: PySpark', pyspark.__version__, 'on', '$java17')"
# The Spark workers run the same Python as the driver (egov and pyarrow installed there).
JAVA_HOME="$java17" PYSPARK_PYTHON="$PY" EGOV_CLI="$CLI" \
  "$PY" -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning egov-python/tests_spark
