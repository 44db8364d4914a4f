#!/usr/bin/env bash
# Study 4: melting temperature of the UF2,3 W potential of study 1 by solid-liquid coexistence
# (two-phase NPH) with LAMMPS + our plugin (bin/lmp), sized by a speed probe to fit --budget-minutes
# (default 20) on this machine; two replicas run concurrently. Prints T_m vs 3695 K (experiment) with
# the method and its uncertainty. Writes benchmarks/paper/results/w14-melting/ (melting.json/.md/.png).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14Melting "$@"
