#!/usr/bin/env bash
# Runs the whole test suite: every module's tests (unit, sqllogictest files, HTTP end to end) and the formatting
# check, with a JDK >= 21 found like ./columba finds one. Extra arguments go to Maven (e.g. -pl server).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"

JAVA_HOME="$(find_jdk)" || exit 1
export JAVA_HOME
MAVEN="$(find_maven "$ROOT")"
quiet_maven_on_new_jdks "$JAVA_HOME"
echo "Testing with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) and $MAVEN" >&2
cd "$ROOT"
exec "$MAVEN" -B verify "$@"
