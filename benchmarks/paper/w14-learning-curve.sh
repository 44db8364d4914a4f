#!/usr/bin/env bash
# Study 2 (UF3 paper Fig. 3): W-14 test RMSE vs training-set size (2.5-80 % of the data, 5 random
# training sets each) for UF2 and UF2,3 with the hyper-parameters chosen in study 1 (run
# w14-accuracy.sh first). Test = all configurations not in training (not subsampled; errors from
# normal-equation sums, checked against direct evaluation once). Writes
# benchmarks/paper/results/w14-learning-curve/ (learning-curve.json/.md, learning-curve-{energy,forces}.png).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14LearningCurve "$@"
