# Sourced by bin/quarry and the benchmark scripts: find_java prints the path of a `java` of version 21 or newer,
# looked for in this order: $JAVA_HOME if it is 21+, `java` on the PATH if it is 21+, then the newest JDK 21+ in the
# usual install folders (Debian's /usr/lib/jvm, /opt/java, macOS's JavaVirtualMachines). It prints nothing and
# returns 1 when there is none.

major_version() {
  local version
  version=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || return 1
  case "$version" in
    1.*) echo "${version#1.}" | cut -d. -f1 ;;
    *) echo "$version" | cut -d. -f1 | cut -d- -f1 ;;
  esac
}

usable_java() {
  [ -x "$1" ] || return 1
  local major
  major=$(major_version "$1") || return 1
  [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null
}

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && usable_java "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"; return 0
  fi
  if command -v java >/dev/null 2>&1 && usable_java "$(command -v java)"; then
    command -v java; return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    usable_java "$candidate" || continue
    major=$(major_version "$candidate")
    if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}
