#!/usr/bin/env bash
# Builds the native executable with the toolchain in ../shared/native-toolchain (GraalVM's builder jars on the
# machine's Temurin 25; no GraalVM or Mandrel install): target/native-out/jobstats-1.0.0-SNAPSHOT-runner, with the
# JDK shared libraries it links in target/native-out/lib beside it. The executable finds them through its rpath
# $ORIGIN/lib, so the folder can be moved or copied into a container image as it is.
# About 6 minutes and 6 GB of builder heap on 2 cores; the toolchain is kept in ~/.cache/jobstats-native-toolchain
# (TC or JOBSTATS_NATIVE_TC moves it) and built again only when missing.
# Usage: bench/native-build.sh   (NATIVE_TOOLCHAIN: the toolchain's folder, default ../shared/native-toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLCHAIN=$(cd "${NATIVE_TOOLCHAIN:-../shared/native-toolchain}" && pwd)
source "$TOOLCHAIN/scripts/env.sh"
if ! [ -x "$JDK/bin/java" ] || ! [ -d "$JDKLIB" ] || ! [ -d "$CLIB" ]; then
  bash "$TOOLCHAIN/scripts/build-toolchain.sh"
fi
# Quarkus writes the builder's inputs anew (a stale native-sources would build old code).
rm -rf target/native-sources target/native-out
NI_RPATH='$ORIGIN/lib' bash "$TOOLCHAIN/scripts/50-quarkus.sh" .
mkdir -p target/native-out/lib
cp "$JDKLIB"/*.so target/native-out/lib/
echo "native executable: $(ls target/native-out/*-runner) (+ lib/: $(ls target/native-out/lib | tr '\n' ' '))"
