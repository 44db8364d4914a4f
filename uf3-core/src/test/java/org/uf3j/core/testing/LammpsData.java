package org.uf3j.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/**
 * Writes a structure as a LAMMPS data file ({@code atom_style atomic}) for tests that run LAMMPS:
 * restricted-triclinic box from a lower-triangular cell, atom types in the order of
 * {@code elements} with their masses, every number with 17 significant digits (exact doubles).
 */
public final class LammpsData {
    private LammpsData() {
    }

    /** Writes {@code s} to {@code file}; atom type t+1 is {@code elements.get(t)}. */
    public static void write(Structure s, List<String> elements, Path file) throws IOException {
        Cell c = s.cell();
        if (Math.abs(c.vector(0, 1)) > 0 || Math.abs(c.vector(0, 2)) > 0 || Math.abs(c.vector(1, 2)) > 0) {
            throw new IllegalArgumentException("LAMMPS needs a lower-triangular cell");
        }
        StringBuilder b = new StringBuilder("UF3-J test structure\n\n");
        b.append(s.size()).append(" atoms\n").append(elements.size()).append(" atom types\n");
        b.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%.17g %.17g %.17g xy xz yz%n%n",
                c.vector(0, 0), c.vector(1, 1), c.vector(2, 2), c.vector(1, 0), c.vector(2, 0), c.vector(2, 1)));
        b.append("Masses\n\n");
        for (int t = 0; t < elements.size(); t++) {
            b.append(t + 1).append(' ').append(Elements.mass(elements.get(t))).append('\n');
        }
        b.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            int type = elements.indexOf(s.symbol(i)) + 1;
            if (type == 0) {
                throw new IllegalArgumentException("atom " + i + " is " + s.symbol(i) + ", not one of " + elements);
            }
            b.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", i + 1, type, s.x(i, 0), s.x(i, 1), s.x(i, 2)));
        }
        Files.writeString(file, b.toString());
    }
}
