package org.uf3j.bench.paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs LAMMPS through this repository's {@code bin/lmp} (our {@code pair_style uf3} plugin) or
 * {@code bin/lmp --reference} (the official ML-UF3 pair style of the same LAMMPS build) on an input
 * written to a work directory, and reads back the lines the input prints as
 * {@code RESULT key value key value ...}.
 */
final class Lammps {
    /** Our plugin or the official pair style. */
    enum Flavour {
        PLUGIN, REFERENCE;

        String label() {
            return this == PLUGIN ? "LAMMPS + UF3-J plugin" : "LAMMPS official ML-UF3";
        }
    }

    /** What a run printed; {@code loopSeconds} are the "Loop time of X" of every run/minimize, in order. */
    record Run(Path log, List<Map<String, Double>> results, List<Double> loopSeconds, double seconds) {
        /** The last RESULT line that has {@code key}. */
        double get(String key) {
            for (int i = results.size() - 1; i >= 0; i--) {
                Double v = results.get(i).get(key);
                if (v != null) {
                    return v;
                }
            }
            throw new IllegalStateException(log + ": no RESULT line with " + key);
        }
    }

    private Lammps() {
    }

    /** Writes {@code input} to dir/name.in and runs it there; fails with the log's tail when LAMMPS fails. */
    static Run run(String input, Path dir, String name, Flavour flavour, long timeoutSeconds) throws IOException {
        Files.createDirectories(dir);
        Path in = dir.resolve(name + ".in");
        Path log = dir.resolve(name + ".log");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(PaperPaths.lmp().toString());
        if (flavour == Flavour.REFERENCE) {
            cmd.add("--reference");
        }
        cmd.addAll(List.of("-in", in.getFileName().toString(), "-log", log.getFileName().toString(), "-echo", "none",
                "-screen", "none"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                throw new IllegalStateException("LAMMPS run " + in + " exceeded " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while LAMMPS ran " + in, e);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        if (p.exitValue() != 0) {
            String outText = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
            throw new IllegalStateException("LAMMPS (" + flavour.label() + ") failed on " + in + " with exit code "
                    + p.exitValue() + ":\n" + tail(outText + "\n" + text, 25));
        }
        List<Map<String, Double>> results = new ArrayList<>();
        List<Double> loops = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("Loop time of ")) {
                loops.add(Double.parseDouble(line.substring("Loop time of ".length()).trim().split("\\s+")[0]));
            }
            if (line.startsWith("RESULT ")) {
                String[] t = line.trim().split("\\s+");
                Map<String, Double> m = new LinkedHashMap<>();
                for (int i = 1; i + 1 < t.length; i += 2) {
                    m.put(t[i], Double.parseDouble(t[i + 1]));
                }
                results.add(m);
            }
        }
        return new Run(log, results, loops, seconds);
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(l, Math.max(0, l.length - lines), l.length));
    }

    /** Common head of an input: metal units, a bcc lattice of n³ cells, the potential. */
    static String bccHead(double a, int n, Path potential, int bodyOrder, String element, double mass) {
        return String.join("\n",
                "units metal",
                "atom_style atomic",
                "boundary p p p",
                "lattice bcc " + a,
                "region box block 0 " + n + " 0 " + n + " 0 " + n,
                "create_box 1 box",
                "create_atoms 1 box",
                "mass 1 " + mass,
                "pair_style uf3 " + bodyOrder,
                "pair_coeff * * " + potential.toAbsolutePath() + " " + element,
                "neighbor 1.0 bin",
                "neigh_modify every 1 delay 0 check yes",
                "") + "\n";
    }
}
