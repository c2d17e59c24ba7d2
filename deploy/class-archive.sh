#!/bin/sh
# Makes the class data sharing archive CareRelay starts with (deploy/performance.md, "Start"): the
# classes a start loads, read and checked once, here, by the JVM that will run CareRelay, and
# mapped from carerelay.jsa at every start after. It needs the application extracted (classes in
# plain jars beside it), and the jar's path exactly as the service will start it:
#   java -Djarmode=tools -jar engine/target/carerelay.jar extract --destination /opt/carerelay
#   sh deploy/class-archive.sh /opt/carerelay/carerelay.jar
#   java -XX:SharedArchiveFile=/opt/carerelay/carerelay.jsa ... -jar /opt/carerelay/carerelay.jar
# Run it again after every upgrade of CareRelay or of the JVM: the JVM ignores an archive that no
# longer matches (the start is then slower, nothing else changes). JAVA names another java.
set -eu

jar=$1
java=${JAVA:-java}
case "$jar" in
  /*) ;;
  *) echo "class-archive.sh: give the jar's absolute path, as the service starts it: $jar" >&2; exit 2 ;;
esac
[ -f "$jar" ] || { echo "class-archive.sh: no such jar: $jar" >&2; exit 2; }
dir=$(dirname "$jar")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A training start on an in-memory database: Spring's context, Camunda's engine and the models'
# deployment, then the JVM exits (spring.context.exit=onRefresh) and leaves the list of classes it loaded.
if ! "$java" -XX:DumpLoadedClassList="$work/classes" -Dspring.context.exit=onRefresh -jar "$jar" \
    --spring.datasource.url=jdbc:h2:mem:carerelay-class-archive --spring.datasource.username=sa \
    --spring.datasource.password= >"$work/training.log" 2>&1; then
  tail -n 40 "$work/training.log" >&2
  echo "class-archive.sh: the training start failed (above)" >&2
  exit 1
fi

# Classes the JVM generates while running (@lambda-proxy and other @ lines) stay out: archiving
# them crashes Debian's OpenJDK 17.0.15 (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary).
grep -v '^@' "$work/classes" >"$work/classes.static"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.static" \
    -XX:SharedArchiveFile="$dir/carerelay.jsa" -jar "$jar" >"$work/dump.log" 2>&1; then
  tail -n 40 "$work/dump.log" >&2
  echo "class-archive.sh: the JVM could not write the archive (above)" >&2
  exit 1
fi
echo "class-archive.sh: $dir/carerelay.jsa holds $(wc -l <"$work/classes.static") classes for $jar"
