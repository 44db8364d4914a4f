#!/usr/bin/env bash
# Study 5: UF2 and UF2,3 on the Zuo et al. 2020 benchmark (Ni, Cu, Li, Mo, Si, Ge): hyper-parameters by
# 5-fold CV on <El>_train.xyz, test MAE on <El>_test.xyz vs the published GAP and MTP values, fit time.
# Writes benchmarks/paper/results/zuo2020/ (zuo2020.json/.md, bar charts zuo2020-energy.png and
# zuo2020-forces.png, the fitted <El>/uf2.uf3, uf23.uf3). --replot redraws the charts from zuo2020.json.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study Zuo2020 "$@"
