# LAMMPS dump (id type x y z fx fy fz c_pea, sorted by id, orthogonal box) -> extended XYZ of W,
# one configuration per frame with the summed per-atom energy; used by the examples' make-data.sh.
# Variables: cfg (config_type written), skip (frames to drop at the start, default 0).
/^ITEM: NUMBER OF ATOMS/ { getline; n = $1; next }
/^ITEM: BOX BOUNDS/ { getline; lx = $2 - $1; x0 = $1; getline; ly = $2 - $1; y0 = $1; getline; lz = $2 - $1; z0 = $1; next }
/^ITEM: ATOMS/ {
  e = 0
  for (k = 0; k < n; k++) { getline; line[k] = sprintf("W %.12f %.12f %.12f %s %s %s", $3 - x0, $4 - y0, $5 - z0, $6, $7, $8); e += $9 }
  if (frame++ < skip) next
  printf "%d\nLattice=\"%.12g 0 0 0 %.12g 0 0 0 %.12g\" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.10f config_type=%s pbc=\"T T T\"\n", n, lx, ly, lz, e, cfg
  for (k = 0; k < n; k++) print line[k]
}
