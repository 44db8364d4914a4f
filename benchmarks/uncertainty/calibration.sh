#!/usr/bin/env bash
# Issue 13 acceptance: calibration of the Bayesian uncertainty on held-out data.
#   benchmarks/uncertainty/calibration.sh [w14|inp|all]    (default all)
# w14: W-14 paper split, UF2,3 with the knots and CV grid of benchmarks/paper/w14-accuracy.sh (about 1 min);
# inp: InP, stratified 80/20 split, the settings of examples/inp/inp.yaml (about 2-3 min, needs ~6 GB of heap).
# Writes benchmarks/uncertainty/results/<set>/{summary.json,summary.md,calibration.png} and prints
#   CALIBRATION set=... energy_1sigma=... energy_2sigma=... force_1sigma=... force_2sigma=...
# Env: W14_JAVA_OPTS (default -Xmx3g), INP_JAVA_OPTS (default -Xmx7g), UF3_DATA.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../paper/lib.sh"
what="${1:-all}"
if [[ "$what" == w14 || "$what" == all ]]; then
  (PAPER_JAVA_OPTS="${W14_JAVA_OPTS:--Xmx3g}" run_study UncertaintyCalibration --set w14)
fi
if [[ "$what" == inp || "$what" == all ]]; then
  # each set in a subshell: run_study changes directory and installs an EXIT trap
  (PAPER_JAVA_OPTS="${INP_JAVA_OPTS:--Xmx7g}" run_study UncertaintyCalibration --set inp)
fi
