#!/usr/bin/env bash
# Issue 13, "γ separates" on W-14: every config_type left out of the paper's training split in turn
# (plus three groups: dislocation_quadrupole with both gamma-surface types and with gamma_surface
# only, vacancy with gamma_surface_vacancy; a group's left-out types are also reported one by one).
# Per group: the fraction of the left-out configurations with max γ > 1,
# their median max γ and the fraction of their atoms with γ > 1, the same for the held-out test
# configurations of the trained types; which types the active set came from; a model-free
# nearest-training-environment distance. Two UF2,3 bases: small (the default;
# 93 columns, as w14-active-learning; 9-14 min at load 6-10 on 2 cores) and paper (--models paper:
# 1,903 columns, the knots w14-accuracy's cross-validation chose; its first active set had not
# finished after 3 CPU-minutes, 16 min at load 8-12, and there are 11 per run).
# Writes benchmarks/paper/results/w14-gamma-separation/gamma-separation-<models>.json/.md.
# Options: --models small|paper|small,paper --groups a+b,c --extra a+b,... --sample 1500 --held N --reference false
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14GammaSeparation "$@"
