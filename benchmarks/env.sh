# Sourced by the benchmark scripts after they set $root (the repository): sets $java_home to a JDK 21+ (found as
# bin/quarry finds Java: $JAVA_HOME, the PATH, then /usr/lib/jvm and the other usual folders) and defines
# `find_data NEEDED`, which prints the shared data directory: $QUARRY_DATA if set, else ../shared/data beside the
# repository (or beside its parent, for worktrees one level deeper), checked to hold NEEDED (a file or folder in it).
# Both exit 2 with a message naming what was looked for.

# shellcheck source=../bin/find-java.sh
source "$root/bin/find-java.sh"
java_home_bin="$(find_java)" || { echo "no JDK 21+ found (set JAVA_HOME to one)" >&2; exit 2; }
java_home="$(cd "$(dirname "$java_home_bin")/.." && pwd)"
[[ -x "$java_home/bin/javac" ]] || { echo "$java_home is a JRE, not a JDK (no javac); set JAVA_HOME to a JDK 21+" >&2; exit 2; }

find_data() {
  local needed="$1" d
  if [[ -n "${QUARRY_DATA:-}" ]]; then
    [[ -e "$QUARRY_DATA/$needed" ]] || { echo "QUARRY_DATA=$QUARRY_DATA has no $needed" >&2; exit 2; }
    (cd "$QUARRY_DATA" && pwd); return 0
  fi
  for d in "$root/../shared/data" "$root/../../shared/data"; do
    if [[ -e "$d/$needed" ]]; then (cd "$d" && pwd); return 0; fi
  done
  echo "no $needed under $root/../shared/data or $root/../../shared/data; set QUARRY_DATA" >&2
  exit 2
}
