#!/usr/bin/env bash
# Issue 13 acceptance on W-14, active learning: uf3 select (--method force-variance by default, or
# information) against random additions, 100 -> 1,000 training configurations in steps of 100 from
# the paper's training split (the pool), test = the paper's test split, 5 seeds.
# Writes benchmarks/paper/results/w14-active-learning/ (active-learning.json/.md, learning-curve.png).
# Options: --seeds N --start 100 --step 100 --end 1000 --threads N --method force-variance|information
#          --pairs 1.5,5.5,25 --triplets 1.5,4.25,6,12 --kappa 0.95 --c2 1e-8 --c3 1e-7 --ridge 1e-8
#          --random-only (the random curve only, printed, nothing written)
#          --stratify (each batch in the pool's config_type proportions)
#          --fit-weights (rows weighted by the fit's loss factors, as uf3 select did before the selection design)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14ActiveLearning "$@"
