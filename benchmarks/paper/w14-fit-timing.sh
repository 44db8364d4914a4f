#!/usr/bin/env bash
# Wall time, CPU time and peak heap of one W-14 fit (the paper's split, given knots), then its test
# errors; ends with a line "RESULT UF2,3 columns=... fit_seconds=... peak_live_heap_MB=...".
# Options are passed to org.uf3j.bench.paper.W14FitTiming, e.g. the paper's UF2,3 knots with a
# 3x3 lambda grid inside a 400 MB heap:
#   PAPER_JAVA_OPTS=-Xmx400m benchmarks/paper/w14-fit-timing.sh --triplet 1.5,4.25,10 \
#     --curv2 1e-8,1e-6,1e-4 --curv3 1e-8,1e-6,1e-4          # --body 2 for UF2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14FitTiming "$@"
