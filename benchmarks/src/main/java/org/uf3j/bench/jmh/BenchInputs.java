package org.uf3j.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * Inputs shared by the JMH benchmarks: the potentials, bcc boxes and the W-14 frames.
 *
 * <p>Where the files are (JMH forks inherit the environment, so environment variables work):
 * <ul>
 *   <li>{@code UF3_DATA} (or -Duf3.data): the shared data directory with {@code uf3-models/} and
 *       {@code tungsten/}; default {@code ../shared/data} beside the repository, found from the
 *       working directory upwards;</li>
 *   <li>{@code UF3_LAMMPS_SRC} (or -Duf3.lammps.src): the LAMMPS source tree holding
 *       {@code potentials/Nb.uf3}; default {@code ~/.cache/uf3/lammps-4Feb2025/src} (made by
 *       {@code scripts/build-lammps.sh}).</li>
 * </ul>
 */
public final class BenchInputs {
    private BenchInputs() {
    }

    /** A benchmark potential: its file and the bcc lattice constant of its element. */
    public enum Potential {
        /** LAMMPS' Nb.uf3 (UF2,3; 2-body cutoff 8 Å, 3-body legs 4, 4, 8 Å), bcc a = 3.3008 Å. */
        Nb("Nb", 3.3008),
        /** The fitted W model of the UF3 examples (2-body 5.5 Å, 3-body legs 3.5, 3.5, 7 Å), bcc a = 3.1652 Å. */
        W("W", 3.1652);

        final String element;
        final double lattice;

        Potential(String element, double lattice) {
            this.element = element;
            this.lattice = lattice;
        }

        Path file() {
            return switch (this) {
                case Nb -> lammpsNb();
                case W -> dataDir().resolve("uf3-models/model_unary.json");
            };
        }

        /** The UF2,3 model (body 3) or the same model without its 3-body terms (body 2). */
        public Uf3Model model(int body) {
            Uf3Model full;
            try {
                full = PotentialFiles.readModel(file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (full.bodyOrder() != 3) {
                throw new IllegalStateException(file() + " is not a UF2,3 potential");
            }
            return body == 3 ? full : pairsOnly(full);
        }

        /** A bcc box of {@code atoms} = 2 m³ atoms, each displaced by up to 0.05 Å (fixed seed). */
        public Structure bcc(int atoms) {
            return BenchInputs.bcc(element, lattice, atoms, 0.05, 12345L);
        }
    }

    /** The model with its one-body energies and 2-body terms only (UF2). */
    public static Uf3Model pairsOnly(Uf3Model m) {
        Uf3Model.Builder b = Uf3Model.builder().elements(m.elements());
        m.oneBodyEnergies().forEach(b::oneBody);
        for (PairTerm p : m.pairTerms()) {
            b.pair(p);
        }
        return b.build();
    }

    /** bcc box of cubic cells: {@code atoms} must be 2 m³. */
    public static Structure bcc(String element, double a, int atoms, double jitter, long seed) {
        int m = (int) Math.round(Math.cbrt(atoms / 2.0));
        if (2 * m * m * m != atoms) {
            throw new IllegalArgumentException("a bcc box of cubic cells has 2 m^3 atoms; " + atoms + " is not");
        }
        Random rnd = new Random(seed);
        double[] x = new double[3 * atoms];
        String[] sym = new String[atoms];
        int p = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    for (int basis = 0; basis < 2; basis++) {
                        double h = 0.5 * basis;
                        x[3 * p] = (i + h) * a + jitter * (2 * rnd.nextDouble() - 1);
                        x[3 * p + 1] = (j + h) * a + jitter * (2 * rnd.nextDouble() - 1);
                        x[3 * p + 2] = (k + h) * a + jitter * (2 * rnd.nextDouble() - 1);
                        sym[p++] = element;
                    }
                }
            }
        }
        return new Structure(sym, x, Cell.orthorhombic(m * a, m * a, m * a));
    }

    /**
     * Every {@code stride}-th frame of W-14 ({@code tungsten/w14.xyz}), {@code count} frames: an even
     * sample of all configuration types (the file starts with 2,000 one-atom frames, so its first few
     * hundred frames would measure one-atom cells only).
     */
    public static List<Configuration> w14Sample(int count, int stride) {
        Path f = dataDir().resolve("tungsten/w14.xyz");
        List<Configuration> out = new ArrayList<>(count);
        try (ExtXyzReader r = ExtXyzReader.open(f)) {
            Iterator<Configuration> it = r;
            for (int i = 0; it.hasNext() && out.size() < count; i++) {
                Configuration c = it.next();
                if (i % stride == 0) {
                    out.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() < count) {
            throw new IllegalStateException(f + " has fewer than " + count * stride + " frames");
        }
        return out;
    }

    /** The shared data directory. */
    public static Path dataDir() {
        String p = setting("uf3.data", "UF3_DATA");
        if (p != null) {
            return existing(Path.of(p), "UF3_DATA");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("shared/data");
            if (Files.isDirectory(c.resolve("tungsten"))) {
                return c;
            }
        }
        throw new IllegalStateException("shared data directory not found: set UF3_DATA (or -Duf3.data) to it");
    }

    /** LAMMPS' potentials/Nb.uf3. */
    public static Path lammpsNb() {
        String p = setting("uf3.lammps.src", "UF3_LAMMPS_SRC");
        Path base = p != null ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".cache", "uf3", "lammps-4Feb2025", "src");
        for (Path c : new Path[] {base.resolve("potentials/Nb.uf3"), base.resolve("src/potentials/Nb.uf3")}) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IllegalStateException("potentials/Nb.uf3 not found under " + base
                + ": run scripts/build-lammps.sh or set UF3_LAMMPS_SRC to the LAMMPS source tree");
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static Path existing(Path p, String what) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(what + " = " + p + " is not a directory");
        }
        return p;
    }
}
