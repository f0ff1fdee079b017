#!/usr/bin/env bash
# egov on Apache Spark against Spark's own COUNT(DISTINCT), same data, same run (issue 15):
# wall time and CPU-seconds of the whole local Spark for each. Not part of the test suite.
# Installs PySpark 3.5, pyarrow, pandas, numpy (target/venv) and Java 17 as scripts/test-spark.sh does,
# and builds the egov Python package into the venv when it is missing.
#   benches/platform_spark.sh [EVENTS] [USERS] [WORKDIR]   (defaults 10 000 000, 1 000 000)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=target/venv/bin/python
[[ -x "$PY" ]] || python3 -m venv target/venv
"$PY" -c "import pyspark, pyarrow, pandas, numpy" 2>/dev/null ||
  "$PY" -m pip install -q "pyspark>=3.5,<3.6" "pyarrow>=14" "pandas>=2" "numpy>=1.24"
if ! "$PY" -c "import egov.spark" 2>/dev/null; then
  "$PY" -m pip install -q "maturin>=1.16,<2"
  PATH="$PWD/target/venv/bin:$PATH" CARGO_TARGET_DIR="$PWD/target/python" \
    "$PY" -m pip install -q --no-build-isolation ./egov-python
fi
java17=$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1)
[[ -n "$java17" ]] || { echo "a Java 17 is needed (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
echo "== machine"; nproc; grep -m1 "model name" /proc/cpuinfo || true; uptime
JAVA_HOME="$java17" PYSPARK_PYTHON="$PY" "$PY" benches/platform_spark.py "$@"
