#!/usr/bin/env python3
"""Writes vasprun.xml and OUTCAR: two ionic steps of a 2-atom bcc Nb cell, formatted the way
VASP 6 writes them, labelled by LAMMPS (official ML-UF3 pair_style uf3 with potentials/Nb.uf3),
NOT by DFT.  Conventions used to write the labels (what the readers must undo):

* VASP stress (vasprun <varray name="stress">, OUTCAR "in kB"): sigma = -(1/V) dE/deps in kBar,
  positive when the cell is compressed (VASP wiki, ISIF: "a positive value in the diagonals means
  that the system is under compressive strain and wants to expand").  LAMMPS' virial pressure
  tensor (compute pressure NULL virial, bar) has the same sign, so kB = bar / 1000.
* The cell is a general (rotated) triclinic one; LAMMPS works in the restricted frame, so forces
  and the stress tensor are rotated with the cell.
* Step 2 is step 1 scaled homogeneously by 1.004 (same fractional positions), so the energy
  difference must equal -integral of tr(W)/s ds: a check of the sign that needs no code.
* e_fr_energy = the LAMMPS energy (forces and stress are its derivatives), e_wo_entrp =
  e_fr + TS, e_0_energy = e_fr + TS/2 with an invented TS.

Run from this directory: python3 make_fixtures.py  (needs numpy and bin/lmp of the repository).
"""
import os
import subprocess
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "../../../../../.."))
LMP = os.path.join(REPO, "bin", "lmp")
NB = os.path.expanduser("~/.cache/uf3/lammps-4Feb2025/src/potentials/Nb.uf3")

L1 = np.array([[3.24, 0.0, 0.0], [0.05, 3.22, 0.0], [-0.04, 0.06, 3.26]])   # restricted triclinic rows
FRAC = np.array([[0.0, 0.0, 0.0], [0.51, 0.485, 0.503]])
SCALES = [1.0, 1.004]
TS = [0.00213, 0.00208]
axis = np.array([0.3, -1.0, 0.6]); axis /= np.linalg.norm(axis); th = 0.45
K = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
R = np.eye(3) + np.sin(th) * K + (1 - np.cos(th)) * K @ K   # general = R . restricted


def lammps(lat, frac, tag):
    work = os.path.join("/tmp", "uf3j-vasp-fixture")
    os.makedirs(work, exist_ok=True)
    cart = frac @ lat
    with open(os.path.join(work, tag + ".data"), "w") as f:
        f.write("Nb 2-atom cell\n\n2 atoms\n1 atom types\n")
        f.write("0 %.16g xlo xhi\n0 %.16g ylo yhi\n0 %.16g zlo zhi\n" % (lat[0, 0], lat[1, 1], lat[2, 2]))
        f.write("%.16g %.16g %.16g xy xz yz\n\nMasses\n\n1 92.906\n\nAtoms # atomic\n\n" % (lat[1, 0], lat[2, 0], lat[2, 1]))
        for i, r in enumerate(cart):
            f.write("%d 1 %.16g %.16g %.16g\n" % (i + 1, r[0], r[1], r[2]))
    with open(os.path.join(work, tag + ".in"), "w") as f:
        f.write("units metal\nboundary p p p\natom_style atomic\nread_data %s.data\n" % tag)
        f.write("pair_style uf3 3\npair_coeff * * %s Nb\n" % NB)
        f.write("compute pv all pressure NULL virial\n")
        f.write("thermo_style custom step pe c_pv[1] c_pv[2] c_pv[3] c_pv[4] c_pv[5] c_pv[6]\n")
        f.write("thermo_modify format float %20.15g\n")
        f.write("dump d all custom 1 %s.dump id fx fy fz\ndump_modify d sort id format float %%20.15g\nrun 0\n" % tag)
    subprocess.run([LMP, "--reference", "-in", tag + ".in", "-log", tag + ".log", "-screen", "none"], cwd=work, check=True)
    log = open(os.path.join(work, tag + ".log")).read().split("\n")
    i = next(k for k, s in enumerate(log) if s.split()[:1] == ["Step"])
    row = [float(v) for v in log[i + 1].split()]
    dump = open(os.path.join(work, tag + ".dump")).read().split("\n")
    forces = np.array([[float(v) for v in dump[9 + a].split()[1:4]] for a in range(2)])
    p = row[2:8]  # bar: xx yy zz xy xz yz
    press = np.array([[p[0], p[3], p[4]], [p[3], p[1], p[5]], [p[4], p[5], p[2]]])
    return row[1], forces, press


steps = []
for s, ts in zip(SCALES, TS):
    lat = s * L1
    e, f, p = lammps(lat, FRAC, "step%d" % len(steps))
    steps.append(dict(basis=lat @ R.T, frac=FRAC, forces=f @ R.T, kbar=R @ p @ R.T / 1000.0,
                      efr=e, ewo=e + ts, e0=e + ts / 2))


def v(row, fmt="%16.8f"):
    return "<v>" + "".join(fmt % x for x in row) + " </v>"


def structure(st, name=None, indent="  "):
    b = st["basis"]
    rec = np.linalg.inv(b).T
    out = [indent + ('<structure name="%s" >' % name if name else "<structure>"), indent + " <crystal>",
           indent + '  <varray name="basis" >']
    out += [indent + "   " + v(r) for r in b]
    out += [indent + "  </varray>", indent + '  <i name="volume">%16.8f </i>' % abs(np.linalg.det(b)),
            indent + '  <varray name="rec_basis" >']
    out += [indent + "   " + v(r) for r in rec]
    out += [indent + "  </varray>", indent + " </crystal>", indent + ' <varray name="positions" >']
    out += [indent + "  " + v(r) for r in st["frac"]]
    out += [indent + " </varray>", indent + "</structure>"]
    return out


def energy_block(efr, ewo, e0, indent, extra=()):
    out = [indent + "<energy>"]
    for k, val in extra:
        out.append(indent + ' <i name="%s">%16.8f </i>' % (k, val))
    out += [indent + ' <i name="e_fr_energy">%16.8f </i>' % efr, indent + ' <i name="e_wo_entrp">%16.8f </i>' % ewo,
            indent + ' <i name="e_0_energy">%16.8f </i>' % e0, indent + "</energy>"]
    return out


x = ['<?xml version="1.0" encoding="ISO-8859-1"?>', "<modeling>", " <generator>",
     '  <i name="program" type="string">vasp </i>', '  <i name="version" type="string">6.3.2  </i>',
     '  <i name="subversion" type="string">27Jun22 (build Jul 19 2022 13:29:06) complex            parallel </i>',
     '  <i name="platform" type="string">LinuxIFC </i>', '  <i name="date" type="string">2024 03 14 </i>',
     '  <i name="time" type="string">10:21:07 </i>', " </generator>", " <incar>",
     '  <i type="string" name="SYSTEM">Nb bcc strained, UF3-J reader fixture</i>',
     '  <i type="string" name="PREC">accurate</i>', '  <i name="ENCUT">    450.00000000</i>',
     '  <i name="IBRION">      2</i>', '  <i name="NSW">      2</i>', '  <i name="ISIF">      3</i>',
     '  <i name="ISMEAR">      1</i>', '  <i name="SIGMA">      0.20000000</i>', " </incar>", " <kpoints>",
     '  <generation param="Gamma">', '   <v type="int" name="divisions">      12       12       12 </v>',
     '   <v name="usershift">      0.00000000       0.00000000       0.00000000 </v>', "  </generation>",
     '  <varray name="kpointlist" >', "   " + v([0, 0, 0]), "   " + v([1 / 12, 0, 0]), "   " + v([1 / 6, 0, 0]),
     "  </varray>", '  <varray name="weights" >', "   <v>       0.00057870 </v>", "   <v>       0.00462963 </v>",
     "   <v>       0.00462963 </v>", "  </varray>", " </kpoints>", " <parameters>", '  <separator name="general" >',
     '   <i type="string" name="SYSTEM">Nb bcc strained, UF3-J reader fixture</i>',
     '   <i type="logical" name="LCOMPAT"> F  </i>', "  </separator>", '  <separator name="electronic" >',
     '   <i type="string" name="PREC">accurate</i>', '   <i name="ENMAX">    450.00000000</i>',
     '   <i name="NELECT">     26.00000000</i>', '   <separator name="electronic smearing" >',
     '    <i name="SIGMA">      0.20000000</i>', '    <i type="int" name="ISMEAR">     1</i>', "   </separator>",
     "  </separator>", '  <separator name="ionic" >', '   <i type="int" name="NSW">     2</i>',
     '   <i type="int" name="IBRION">     2</i>', '   <i type="int" name="ISIF">     3</i>',
     '   <i name="PSTRESS">      0.00000000</i>', "  </separator>", " </parameters>", " <atominfo>",
     "  <atoms>       2 </atoms>", "  <types>       1 </types>", '  <array name="atoms" >',
     '   <dimension dim="1">ion</dimension>', '   <field type="string">element</field>',
     '   <field type="int">atomtype</field>', "   <set>", "    <rc><c>Nb</c><c>   1</c></rc>",
     "    <rc><c>Nb</c><c>   1</c></rc>", "   </set>", "  </array>", '  <array name="atomtypes" >',
     '   <dimension dim="1">type</dimension>', '   <field type="int">atomspertype</field>',
     '   <field type="string">element</field>', "   <field>mass</field>", "   <field>valence</field>",
     '   <field type="string">pseudopotential</field>', "   <set>",
     "    <rc><c>   2</c><c>Nb</c><c>     92.90600000</c><c>     13.00000000</c>"
     "<c>  PAW_PBE Nb_pv 08Apr2002                </c></rc>", "   </set>", "  </array>", " </atominfo>"]
x += structure(steps[0], "initialpos", " ")
for k, st in enumerate(steps):
    x.append(" <calculation>")
    sc = [(0.35117, 0.2), (0.00121, 0.01), (0.0, 0.0)]
    for j, (de, dt) in enumerate(sc):
        x += ["  <scstep>", '   <time name="dav">    0.%02d    0.%02d</time>' % (40 + j, 41 + j),
              '   <time name="total">    0.%02d    0.%02d</time>' % (50 + j, 51 + j)]
        ts = st["ewo"] - st["efr"]
        extra = [("alphaZ", 50.13390384), ("ewald", -1010.90806540 * (1 + k * 0.004)), ("eentropy", -ts)] if j == 0 else []
        x += energy_block(st["efr"] + de, st["efr"] + de + ts * (1 + dt), st["efr"] + de + ts * (1 + dt) / 2, "   ", extra)
        x.append("  </scstep>")
    x += structure(st)
    x += ['  <varray name="forces" >'] + ["   " + v(r) for r in st["forces"]] + ["  </varray>"]
    x += ['  <varray name="stress" >'] + ["   " + v(r) for r in st["kbar"]] + ["  </varray>"]
    x += energy_block(st["efr"], st["ewo"], st["e0"], "  ")
    x += ['  <time name="totalsc">    1.%02d    1.%02d</time>' % (23 + k, 25 + k), "  <eigenvalues>", "   <array>",
          '    <dimension dim="1">band</dimension>', '    <dimension dim="2">kpoint</dimension>',
          '    <dimension dim="3">spin</dimension>', "    <field>eigene</field>", "    <field>occ</field>", "    <set>",
          '     <set comment="spin 1">']
    for kp in range(3):
        x.append('      <set comment="kpoint %d">' % (kp + 1))
        for b, (ev, occ) in enumerate([(-56.6512, 1.0), (-31.2104, 1.0), (-31.1876, 1.0), (2.3419, 1.0),
                                       (6.8843, 0.9761), (9.1302, 0.0)]):
            x.append("       <r>%10.4f%10.4f </r>" % (ev + 0.1 * kp + 0.2 * k, occ))
        x.append("      </set>")
    x += ["     </set>", "    </set>", "   </array>", "  </eigenvalues>", '  <separator name="orbital magnetization" >',
          '   <v name="MAGMOM">      0.00000000       0.00000000       0.00000000 </v>', "  </separator>",
          "  <dos>", '   <i name="efferm">      7.%08d </i>' % (12345678 + k), "  </dos>", " </calculation>"]
x += structure(steps[-1], "finalpos", " ")
x.append("</modeling>")
with open(os.path.join(HERE, "vasprun.xml"), "w", encoding="iso-8859-1") as f:
    f.write("\n".join(x) + "\n")

# ---------------------------------------------------------------- OUTCAR (VASP 6 layout, excerpted)
o = []
P = o.append
P(" vasp.6.3.2 27Jun22 (build Jul 19 2022 13:29:06) complex                          ")
P("  ")
P(" executed on             LinuxIFC date 2024.03.14  10:21:07")
P(" running on    4 total cores")
P(" distrk:  each k-point on    4 cores,    1 groups")
P(" distr:  one band on NCORE=   1 cores,    4 groups")
P("")
P("")
P("--------------------------------------------------------------------------------------------------------")
P("")
P("")
P(" INCAR:")
P("   SYSTEM = Nb bcc strained, UF3-J reader fixture")
P("   PREC = Accurate")
P("   ENCUT = 450")
P("   IBRION = 2")
P("   NSW = 2")
P("   ISIF = 3")
P("   ISMEAR = 1")
P("   SIGMA = 0.2")
P("")
P(" POTCAR:    PAW_PBE Nb_pv 08Apr2002                 ")
P(" POTCAR:    PAW_PBE Nb_pv 08Apr2002                 ")
P("   VRHFIN =Nb: 4p5s4d")
P("   LEXCH  = PE")
P("   EATOM  =  1595.3099 eV,  117.2502 Ry")
P("")
P("   TITEL  = PAW_PBE Nb_pv 08Apr2002")
P("   LULTRA =        F    use ultrasoft PP ?")
P("   IUNSCR =        1    unscreen: 0-lin 1-nonlin 2-no")
P("   RPACOR =    2.300    partial core radius")
P("   POMASS =   92.906; ZVAL   =   13.000    mass and valenz")
P("")
P(" Dimension of arrays:")
P("   k-points           NKPTS =     84   k-points in BZ     NKDIM =     84   number of bands    NBANDS=     18")
P("   number of dos      NEDOS =    301   number of ions     NIONS =      2")
P("   non local maximal  LDIM  =      6   non local SUM 2l+1 LMDIM =     18")
P("   total plane-waves  NPLWV =  13824")
P("   max r-space proj   IRMAX =      1   max aug-charges    IRDMAX=   7301")
P("   dimension x,y,z NGX =    24 NGY =   24 NGZ =   24")
P("   dimension x,y,z NGXF=    48 NGYF=   48 NGZF=   48")
P("   support grid    NGXF=    48 NGYF=   48 NGZF=   48")
P("   ions per type =               2")
P("")
P(" Ionic relaxation")
P("   EDIFFG = -.1E-01   stopping-criterion for IOM")
P("   NSW    =      2    number of steps for IOM")
P("   IBRION =      2    ionic relax: 0-MD 1-quasi-New 2-CG")
P("   ISIF   =      3    stress and relaxation")
P("   PSTRESS=    0.00 pullay stress")
P("")


def lattice_lines(b):
    rec = np.linalg.inv(b).T
    out = ["      direct lattice vectors                 reciprocal lattice vectors"]
    for i in range(3):
        out.append("   " + "".join("%13.9f" % c for c in b[i]) + "   " + "".join("%13.9f" % c for c in rec[i]))
    out += ["", "  length of vectors",
            "   " + "".join("%13.9f" % np.linalg.norm(r) for r in b) + "   " + "".join("%13.9f" % np.linalg.norm(r) for r in rec)]
    return out


st0 = steps[0]
o += lattice_lines(st0["basis"])
P("")
P("")
P(" position of ions in fractional coordinates (direct lattice) ")
for r in st0["frac"]:
    P("   " + "".join("%12.8f" % c for c in r))
P("")
P(" position of ions in cartesian coordinates  (Angst):")
for r in st0["frac"] @ st0["basis"]:
    P("   " + "".join("%12.8f" % c for c in r))
P("")
P("")
P("--------------------------------------------------------------------------------------------------------")
for k, st in enumerate(steps):
    vol = abs(np.linalg.det(st["basis"]))
    for j, (de, dt) in enumerate([(0.35117, 0.2), (0.00121, 0.01), (0.0, 0.0)]):
        P("")
        P("")
        P("----------------------------------------- Iteration %6d(%4d)  ---------------------------------------" % (k + 1, j + 1))
        P("")
        P("    POTLOK:  cpu time      0.0121: real time      0.0123")
        P("    SETDIJ:  cpu time      0.0031: real time      0.0031")
        P("    EDDAV :  cpu time      0.2127: real time      0.2130")
        P("")
        ts = st["ewo"] - st["efr"]
        P("  Free energy of the ion-electron system (eV)")
        P("  ---------------------------------------------------")
        P("  alpha Z        PSCENC =        50.13390384")
        P("  entropy T*S    EENTRO =        %.8f" % (-ts))
        P("  ---------------------------------------------------")
        P("  free energy    TOTEN  =       %16.8f eV" % (st["efr"] + de))
        P("")
        P("  energy without entropy =     %16.8f  energy(sigma->0) =     %16.8f"
          % (st["efr"] + de + ts * (1 + dt), st["efr"] + de + ts * (1 + dt) / 2))
        P("")
        P("")
        P("--------------------------------------------------------------------------------------------------------")
    P("")
    P("")
    P("------------------------ aborting loop because EDIFF is reached ----------------------------------------")
    P("")
    P("")
    P("    CHARGE:  cpu time      0.0052: real time      0.0052")
    P("    STRESS:  cpu time      0.3180: real time      0.3183")
    P("")
    P("  FORCE on cell =-STRESS in cart. coord.  units (eV):")
    P("  Direction    XX          YY          ZZ          XY          YZ          ZX")
    P("  --------------------------------------------------------------------------------------")
    P("  Alpha Z    50.13390    50.13390    50.13390")
    kb = st["kbar"]
    six = [kb[0, 0], kb[1, 1], kb[2, 2], kb[0, 1], kb[1, 2], kb[2, 0]]
    ev = [s * 0.1 * vol / 160.21766208 for s in six]
    P("  -----------------------------------------------------------------------------------")
    P("  Total   " + "".join("%12.5f" % s for s in ev))
    P("  in kB   " + "".join("%12.5f" % s for s in six))
    P("  external pressure =     %8.2f kB  Pullay stress =        0.00 kB" % (sum(six[:3]) / 3))
    P("")
    P("")
    P(" VOLUME and BASIS-vectors are now :")
    P(" -----------------------------------------------------------------------------")
    P("  energy-cutoff  :      450.00")
    P("  volume of cell :    %8.2f" % vol)
    o += lattice_lines(st["basis"])
    P("")
    P("")
    P(" POSITION                                       TOTAL-FORCE (eV/Angst)")
    P(" -----------------------------------------------------------------------------------")
    for r, f in zip(st["frac"] @ st["basis"], st["forces"]):
        P(" " + "".join("%12.5f " % c for c in r) + "  " + "".join("%14.6f" % c for c in f))
    P(" -----------------------------------------------------------------------------------")
    drift = st["forces"].sum(axis=0)
    P("    total drift:                            " + "".join("%14.6f" % c for c in drift))
    P("")
    P("")
    P("--------------------------------------------------------------------------------------------------------")
    P("")
    P("")
    P("")
    P("  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)")
    P("  ---------------------------------------------------")
    P("  free  energy   TOTEN  =     %16.8f eV" % st["efr"])
    P("")
    P("  energy  without entropy=    %16.8f  energy(sigma->0) =    %16.8f" % (st["ewo"], st["e0"]))
    P("")
    P("")
    P("")
    P("--------------------------------------------------------------------------------------------------------")
    P("")
    P("")
P(" reached required accuracy - stopping structural energy minimisation")
P("")
P("")
P(" General timing and accounting informations for this job:")
P(" ========================================================")
P("")
P("                  Total CPU time used (sec):        7.412")
with open(os.path.join(HERE, "OUTCAR"), "w") as f:
    f.write("\n".join(o) + "\n")
for k, st in enumerate(steps):
    print("step", k + 1, "E", st["efr"], "V", abs(np.linalg.det(st["basis"])), "tr kB", np.trace(st["kbar"]))
