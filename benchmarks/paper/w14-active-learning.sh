#!/usr/bin/env bash
# Issue 13 acceptance on W-14: (A) γ separation (fit without a config_type; fraction of its
# configurations with max γ > 1 vs held-out configurations of trained types) and (B) active
# learning (greedy D-optimal uf3 select) vs random additions, 100 -> 1,000 training configurations
# from the paper's training split, test = the paper's test split, 5 seeds.
# Writes benchmarks/paper/results/w14-active-learning/ (active-learning.json/.md, learning-curve.png).
# Options: --seeds N --start 100 --step 100 --end 1000 --leave-out type,type --threads N
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14ActiveLearning "$@"
