#!/usr/bin/env bash
# Study 1: UF2 and UF2,3 test RMSE on the W-14 tungsten data with the UF3 paper's 20/80 split.
# Knots, lambda and kappa are chosen by 5-fold CV on the training part only; the test part is
# evaluated once. Writes benchmarks/paper/results/w14-accuracy/ (summary.json/.md, uf2/ and uf23/
# with potential.uf3, model.json and parity plots) and ends with the lines
#   UF23 energy_rmse_meV=X force_rmse_eVA=Y
#   UF2 energy_rmse_meV=X force_rmse_eVA=Y
# Options are passed to org.uf3j.bench.paper.W14Accuracy (e.g. --search --uf23 "2b=1.5,5.5,25;3b=1.5,4.25,10").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14Accuracy "$@"
