# Writes nb_general.data: the step-0 frame of nb_tri.dump, rotated into a general triclinic box.
import numpy as np
lines = open("nb_tri.dump").read().split("\n")
b = [list(map(float, lines[5 + i].split())) for i in range(3)]
xy, xz, yz = b[0][2], b[1][2], b[2][2]
xlo = b[0][0] - min(0, xy, xz, xy + xz); xhi = b[0][1] - max(0, xy, xz, xy + xz)
ylo = b[1][0] - min(0, yz); yhi = b[1][1] - max(0, yz)
zlo, zhi = b[2][0], b[2][1]
L = np.array([[xhi - xlo, 0, 0], [xy, yhi - ylo, 0], [xz, yz, zhi - zlo]])
atoms = []
for ln in lines[9:25]:
    t = ln.split()
    atoms.append((int(t[0]), np.array(list(map(float, t[3:6])))))
atoms.sort(key=lambda a: a[0])
axis = np.array([1.0, 2.0, 3.0]); axis /= np.linalg.norm(axis); th = 0.7
K = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
R = np.eye(3) + np.sin(th) * K + (1 - np.cos(th)) * K @ K
origin = np.array([1.5, -2.0, 0.75])
G = L @ R.T
with open("nb_general.data", "w") as f:
    f.write("Nb, general triclinic box (UF3-J reader fixture)\n\n16 atoms\n1 atom types\n")
    for v, name in zip(G, ["avec", "bvec", "cvec"]):
        f.write("%.16g %.16g %.16g %s\n" % (v[0], v[1], v[2], name))
    f.write("%.16g %.16g %.16g abc origin\n\nMasses\n\n1 92.906\n\nAtoms # atomic\n\n" % tuple(origin))
    for i, s in atoms:
        r = origin + s @ G
        f.write("%d 1 %.16g %.16g %.16g\n" % (i, r[0], r[1], r[2]))
