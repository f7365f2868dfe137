#!/usr/bin/env bash
# Proves that a release is what Maven Central would accept and that a newcomer can use it from nothing:
#   1. builds the release (-Prelease: sources, javadoc, GPG signatures) at VERSION, signed with a throwaway key made
#      here in a temporary GNUPGHOME, and deploys it to a local staging directory;
#   2. checks the staging directory against Central's requirements (StagingCheck.java) and every signature (gpg);
#   3. with EMPTY local repositories and the staging directory as the only repository beside Maven Central, outside
#      the clone: builds and runs examples/embed-client and examples/custom-target (plain Maven projects importing
#      the BOM), resolves every published module, and runs examples/sweep.java with jbang
#      (//DEPS io.github.rng-ops:he300-bom:VERSION@pom), all against the simulator; builds every alias of
#      jbang-catalog.json as `jbang <alias>@rng-ops/he300` would (its he300.version must be VERSION) and runs
#      `benchmark --simulate --quick` through it.
#
#   tools/release/check-staging.sh [VERSION]      # default 0.1.0; must not be a SNAPSHOT
#
# Needs HE300_DATASET (or ../shared/data/ethics beside the clone), gpg, and Maven Central. Prints the time of each
# part. Keeps its work directory when HE300_KEEP_STAGING=1. Exit 0 when all passed, 1 on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${1:-0.1.0}"
GROUP_ID=io.github.rng-ops
JBANG_VERSION=0.132.1
DEPLOY_PLUGIN=org.apache.maven.plugins:maven-deploy-plugin:3.1.4
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.11.0

fail() { echo "FAIL: $*" >&2; exit 1; }
[[ $VERSION != *SNAPSHOT* ]] || { echo "check-staging: $VERSION is a SNAPSHOT; give a release version" >&2; exit 2; }
command -v gpg >/dev/null || { echo "check-staging: needs gpg (Debian package gnupg)" >&2; exit 2; }
if [[ -z ${HE300_DATASET:-} && -d $ROOT/../shared/data/ethics ]]; then
  HE300_DATASET="$(cd "$ROOT/../shared/data/ethics" && pwd)"
fi
[[ -d ${HE300_DATASET:-} ]] || { echo "check-staging: set HE300_DATASET to the ETHICS files" >&2; exit 2; }
export HE300_DATASET

WORK="$(mktemp -d "${TMPDIR:-/tmp}/he300-staging.XXXXXX")"
# gpg starts an agent for the throwaway GNUPGHOME; it is stopped with the check, and the directory removed unless kept.
cleanup() {
  [[ -d $WORK/gnupg ]] && gpgconf --homedir "$WORK/gnupg" --kill gpg-agent 2>/dev/null
  if [[ ${HE300_KEEP_STAGING:-0} == 1 ]]; then echo "== work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
STAGING="$WORK/staging"
started=$SECONDS
part_started=$SECONDS
part() {
  (( part_started == SECONDS && started == SECONDS )) || echo "   ($(( SECONDS - part_started )) s)"
  part_started=$SECONDS
  echo "== $*"
}

# ---- 1. the release, signed with a throwaway key, deployed to $STAGING ------------------------------------------
part "throwaway signing key in a temporary GNUPGHOME"
export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
MAVEN_GPG_PASSPHRASE="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"    # never printed
export MAVEN_GPG_PASSPHRASE
gpg --batch --quiet --pinentry-mode loopback --passphrase-fd 0 \
  --quick-generate-key "he300 staging check (throwaway) <staging@invalid>" ed25519 sign 1d <<<"$MAVEN_GPG_PASSPHRASE"

# The Central plugin (in -Prelease) wants its server entry even when it does not upload; it never does here.
cat >"$WORK/release-settings.xml" <<'XML'
<settings>
  <servers><server><id>central</id><username>unused</username><password>unused</password></server></servers>
</settings>
XML

part "release build $VERSION (-Prelease) deployed to a staging directory"
(cd "$ROOT" && ./mvnw -B -q -s "$WORK/release-settings.xml" -Prelease -Drevision="$VERSION" -DskipTests -DskipITs \
  verify "$DEPLOY_PLUGIN:deploy" -DaltDeploymentRepository="staging::file://$STAGING")

# ---- 2. what Central requires -------------------------------------------------------------------------------
part "staging directory against Central's requirements"
java "$ROOT/tools/release/StagingCheck.java" "$STAGING" "$GROUP_ID" "$VERSION"
signatures=0
while IFS= read -r -d '' signature; do
  gpg --batch --quiet --verify "$signature" "${signature%.asc}" 2>/dev/null \
    || fail "bad signature: ${signature#"$STAGING"/}"
  signatures=$((signatures + 1))
done < <(find "$STAGING" -name '*.asc' -print0)
echo "signatures: $signatures verified"
(( signatures > 0 )) || fail "no signatures staged"

# ---- 3. a newcomer's builds: empty local repositories, Central and the staging directory only -------------------
# The staging directory stands in for Central's copy of the release; nothing comes from ~/.m2 or the clone.
cat >"$WORK/consumer-settings.xml" <<XML
<settings>
  <profiles>
    <profile>
      <id>staging</id>
      <repositories>
        <repository>
          <id>staging</id>
          <url>file://$STAGING</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>staging</activeProfile></activeProfiles>
</settings>
XML
consumer_mvn() {
  local project="$1"; shift
  # From the project's own directory (outside the clone), with the clone's Maven wrapper as the Maven to use.
  (cd "$project" && "$ROOT/mvnw" -B -q -s "$WORK/consumer-settings.xml" \
    -Dmaven.repo.local="$WORK/repo-maven" -Dhe300.version="$VERSION" "$@")
}

part "examples/embed-client: a Maven app importing the BOM, he300-client against the simulator (empty repository)"
cp -r "$ROOT/examples/embed-client" "$WORK/embed-client"
consumer_mvn "$WORK/embed-client" compile exec:java | tee "$WORK/embed-client.out" | tail -3
grep -q ' of 30 correct$' "$WORK/embed-client.out" || fail "embed-client did not print its count"
[[ -d $WORK/repo-maven/io/github/rng-ops/he300-client/$VERSION ]] || fail "he300-client $VERSION was not resolved"

if [[ -d $ROOT/examples/custom-target ]]; then
  part "examples/custom-target: the engine with a Target of your own"
  cp -r "$ROOT/examples/custom-target" "$WORK/custom-target"
  consumer_mvn "$WORK/custom-target" compile exec:java | tee "$WORK/custom-target.out" | tail -3
  grep -q '^accuracy .* over 50 scenarios' "$WORK/custom-target.out" || fail "custom-target did not print its accuracy"
  [[ -s $WORK/custom-target/runs/custom/result-junit.xml ]] || fail "custom-target wrote no JUnit report"
fi

part "every published module resolves from Central and the staging directory"
mkdir -p "$WORK/all-modules"
{
  echo "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
  echo "<groupId>com.example</groupId><artifactId>all-modules</artifactId><version>1</version><packaging>pom</packaging>"
  echo "<dependencyManagement><dependencies><dependency><groupId>$GROUP_ID</groupId><artifactId>he300-bom</artifactId>"
  echo "<version>\${he300.version}</version><type>pom</type><scope>import</scope></dependency></dependencies>"
  echo "</dependencyManagement><dependencies>"
  for dir in "$STAGING/${GROUP_ID//.//}"/*/; do
    artifact="$(basename "$dir")"
    [[ $artifact == he300-bom ]] || echo "<dependency><groupId>$GROUP_ID</groupId><artifactId>$artifact</artifactId></dependency>"
  done
  echo "</dependencies></project>"
} >"$WORK/all-modules/pom.xml"
consumer_mvn "$WORK/all-modules" "$DEPENDENCY_PLUGIN:resolve" -DincludeScope=runtime

part "examples/sweep.java with jbang: //DEPS $GROUP_ID:he300-bom:$VERSION@pom (empty repository)"
# jbang itself, as its jars from Central (a newcomer's installed jbang).
(cd "$ROOT" && ./mvnw -B -q -f tools/jbang/pom.xml -Djbang.version="$JBANG_VERSION" \
  "$DEPENDENCY_PLUGIN:copy-dependencies" -DoutputDirectory="$WORK/jbang-jars")
mkdir -p "$WORK/sweep"
# The one line a pre-release run needs: the staging directory as a repository beside Central.
sed "s|^//JAVA 17+$|&\n//REPOS mavencentral,staging=file://$STAGING|" "$ROOT/examples/sweep.java" >"$WORK/sweep/sweep.java"
grep -q '^//REPOS ' "$WORK/sweep/sweep.java" || fail "could not add //REPOS to the sweep script"
jbang() {
  local line status=0
  line="$(JBANG_DIR="$WORK/jbang-home" JBANG_REPO="$WORK/repo-jbang" JBANG_NO_VERSION_CHECK=true \
    java -cp "$WORK/jbang-jars/*" dev.jbang.Main "$@")" || status=$?
  if (( status != 255 )); then    # jbang ran it itself, or failed: its output is what it printed
    [[ -n $line ]] && printf '%s\n' "$line"
    return "$status"
  fi
  local command
  eval "command=($line)"           # jbang prints the java command line for a POSIX shell, as its launcher evals it
  "${command[@]}"
}
(cd "$WORK/sweep" && jbang run -Dhe300.version="$VERSION" sweep.java) | tee "$WORK/sweep.out"
grep -q '^acc=0.9 ' "$WORK/sweep.out" || fail "the sweep did not print its table"
[[ -d $WORK/repo-jbang/io/github/rng-ops/he300-bom/$VERSION ]] || fail "jbang did not resolve he300-bom $VERSION"

part "jbang-catalog.json as published: every alias builds against $VERSION, benchmark runs (empty repository)"
# A copy of the catalog and scripts outside the clone stands in for GitHub's, which `jbang <alias>@rng-ops/he300` reads.
mkdir -p "$WORK/published"
cp -r "$ROOT/jbang-catalog.json" "$ROOT/scripts" "$WORK/published/"
aliases=()
while IFS= read -r alias; do aliases+=("$alias"); done < <(java "$ROOT/tools/release/CatalogVersions.java" \
  "$WORK/published/jbang-catalog.json" "$VERSION")
for alias in "${aliases[@]}"; do
  (cd "$WORK" && jbang build --quiet --repos mavencentral --repos "staging=file://$STAGING" \
    "$alias@published/jbang-catalog.json") || fail "alias $alias does not build against $VERSION"
done
echo "aliases built: ${aliases[*]}"
(cd "$WORK" && jbang run --repos mavencentral --repos "staging=file://$STAGING" benchmark@published/jbang-catalog.json \
  --simulate --quick --output "$WORK/runs") | tee "$WORK/benchmark.out" | tail -2
grep -q '^run: complete' "$WORK/benchmark.out" || fail "benchmark@catalog did not complete a simulated run"

part "done"
echo "staging check passed for $VERSION in $(( SECONDS - started )) s"
