# Sourced by ./columba and scripts/test.sh: finds a JDK >= 21 and Maven.
# find_jdk prints the JDK's home; without one it explains what to install and returns 1.

COLUMBA_MIN_JAVA=21

# The feature release of the JDK at $1 ("25", "21", "17", "8"), or nothing when it is not a JDK.
java_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' \
    | awk -F. '{ if ($1 == "1") print $2; else print $1 }' | sed 's/[^0-9].*//'
}

find_jdk() {
  local candidate major best="" best_major=0 seen=""
  if [ -n "${JAVA_HOME:-}" ]; then
    major="$(java_major "$JAVA_HOME")"
    if [ -n "$major" ] && [ "$major" -ge "$COLUMBA_MIN_JAVA" ]; then
      echo "$JAVA_HOME"
      return 0
    fi
    seen="JAVA_HOME=$JAVA_HOME (${major:-not a JDK})"
  fi
  # the newest JDK >= 21 among the usual install places
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    major="$(java_major "$candidate")"
    [ -n "$major" ] || continue
    seen="$seen${seen:+, }$candidate ($major)"
    if [ "$major" -ge "$COLUMBA_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate="$(cd "$(dirname "$(readlink -f "$(command -v javac)")")/.." && pwd)"
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge "$COLUMBA_MIN_JAVA" ]; then
      best="$candidate"
    fi
    seen="$seen${seen:+, }$candidate (${major:-not a JDK})"
  fi
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  cat >&2 <<MESSAGE
Columba needs a JDK $COLUMBA_MIN_JAVA or newer, and found none${seen:+ (looked at: $seen)}.
Install one, then run this again (or point JAVA_HOME at it):
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk
                  (Debian 12 has only 17: install Temurin 21+, https://adoptium.net/installation/linux/)
  Fedora/RHEL:    sudo dnf install java-21-openjdk-devel
  macOS:          brew install --cask temurin
  anywhere:       a Temurin 21+ JDK from https://adoptium.net
MESSAGE
  return 1
}

# The Maven command: mvn when installed, else the Maven Wrapper (downloads Maven on first use).
find_maven() {
  if command -v mvn >/dev/null 2>&1; then
    echo mvn
  else
    echo "$1/mvnw"
  fi
}

# Maven 3.8/3.9 call sun.misc.Unsafe, which JDK 24+ warns about on every run: allow it there.
quiet_maven_on_new_jdks() {
  local major
  major="$(java_major "$1")"
  if [ -n "$major" ] && [ "$major" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# JVM options for a long-running server (`columba local start`, and the benchmarks that start one): the first
# gigabyte of heap committed and touched at start, so that ingestion does not spend its first minutes in page faults
# while the heap grows (Events API benchmark, 8 runs: 15% less server CPU; docs/benchmarks.md). An -Xms in
# COLUMBA_JAVA_OPTS replaces it; the rest of COLUMBA_JAVA_OPTS is added.
server_java_opts() {
  case " ${COLUMBA_JAVA_OPTS:-} " in
    *" -Xms"*) echo "${COLUMBA_JAVA_OPTS:-}" ;;
    *) echo "-Xms1g -XX:+AlwaysPreTouch ${COLUMBA_JAVA_OPTS:-}" ;;
  esac
}
