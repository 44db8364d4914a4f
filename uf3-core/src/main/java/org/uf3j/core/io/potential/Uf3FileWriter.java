package org.uf3j.core.io.potential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Writes a {@link Uf3Model} as an ML-UF3 LAMMPS potential file that LAMMPS' {@code pair_style uf3}
 * (4Feb2025) loads: one block per term, pairs then triplets, elements by atomic number,
 * {@code LEAD 0 TRAIL 3}, nknots = ncoeff + 4, {@code uk} when every knot vector of the model is
 * uniform else {@code nk} everywhere (LAMMPS needs one spacing type per file), numbers with
 * {@link Double#toString} so that {@link Uf3FileReader} reads back the identical model.
 *
 * <p>Before writing it checks what LAMMPS needs and throws {@link IllegalArgumentException}
 * naming the term otherwise: the last 3 coefficients along every axis are 0 (the smooth cutoff
 * that TRAIL 3 declares), every triplet has r_ij cutoff = r_ik cutoff and r_jk cutoff = 2·r_ij,
 * a triplet whose neighbours are the same element has equal ij and ik knots and a tensor
 * symmetric in l, m (LAMMPS keeps both legs of such a block in one slot),
 * no number is subnormal (LAMMPS' parser rejects those), and no line exceeds 1023 characters
 * (LAMMPS reads the file through a 1024-character line buffer).
 *
 * <p>A triplet term the model leaves out ({@link Uf3Model#absentTriplets}) is written as a block of
 * zero coefficients on the knots of a sibling term, after a comment line, because LAMMPS' official
 * style insists on a block for every triplet; {@link Uf3FileReader} reads an all-zero block back as
 * a left-out term.
 *
 * <p>One-body energies cannot be stored in the format; when the model has non-zero ones they are
 * listed in a trailing comment for people (LAMMPS and {@link Uf3FileReader} ignore it).
 */
public final class Uf3FileWriter {
    /** The reference written in every block header. */
    public static final String CITATION = "Xie, Rupp, Hennig, npj Comput Mater 9, 162 (2023)";
    /** Longest line LAMMPS' ML-UF3 reader accepts (its TextFileReader buffer is 1024 bytes). */
    public static final int MAX_LINE_LENGTH = 1023;

    private final String author;
    private final String date;

    private Uf3FileWriter(String author, String date) {
        this.author = author;
        this.date = date;
    }

    /** A writer with author "UF3-J" and the current date and time. */
    public static Uf3FileWriter create() {
        return new Uf3FileWriter("UF3-J", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    }

    /** This writer with another author (a single line; spaces become underscores). */
    public Uf3FileWriter withAuthor(String newAuthor) {
        return new Uf3FileWriter(singleWord(newAuthor, "author"), date);
    }

    /** This writer with another date text (for reproducible files). */
    public Uf3FileWriter withDate(String newDate) {
        if (newDate.contains("\n") || newDate.contains("\r")) {
            throw new IllegalArgumentException("date must be a single line");
        }
        return new Uf3FileWriter(author, newDate);
    }

    /** Writes the model to a new file (replacing it). */
    public void write(Uf3Model model, Path file) throws IOException {
        String text = toText(model);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes the model to a writer (not closed). */
    public void write(Uf3Model model, Writer out) {
        try {
            out.write(toText(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the .uf3 potential: " + e.getMessage(), e);
        }
    }

    /** The whole file as text. */
    public String toText(Uf3Model model) {
        boolean uniform = allUniform(model);
        String spacing = uniform ? "uk" : "nk";
        String header = "#UF3 POT UNITS: metal DATE: " + date + " AUTHOR: " + author + " CITATION: " + CITATION;
        List<String> out = new ArrayList<>();
        for (PairTerm p : model.pairTerms()) {
            String name = p.first() + "-" + p.second();
            checkTrailingZeros(p.coefficients(), new int[] {p.size()}, "2-body " + name);
            out.add(header);
            out.add("2B " + p.first() + " " + p.second() + " 0 3 " + spacing);
            out.add(Tokens.format(p.cutoff()) + " " + p.knots().size());
            out.add(join(p.knots().toArray()));
            out.add(String.valueOf(p.size()));
            out.add(join(p.coefficients()));
            out.add("#");
        }
        for (AbsentTriplets.Block block : AbsentTriplets.blocks(model)) {
            TripletTerm t = block.term();
            String name = t.centre() + "-" + t.first() + "-" + t.second();
            checkTriplet(t, name);
            int[] shape = t.shape();
            checkTrailingZeros(t.coefficients(), shape, "3-body " + name);
            if (block.standIn()) {
                out.add("# 3-body " + name + " is left out of this potential: zero coefficients (pair_style uf3 needs a"
                        + " block for every triplet)");
            }
            out.add(header);
            out.add("3B " + t.centre() + " " + t.first() + " " + t.second() + " 0 3 " + spacing);
            out.add(Tokens.format(t.knotsJK().max()) + " " + Tokens.format(t.knotsIK().max()) + " "
                    + Tokens.format(t.knotsIJ().max()) + " " + t.knotsJK().size() + " " + t.knotsIK().size() + " "
                    + t.knotsIJ().size());
            out.add(join(t.knotsJK().toArray()));
            out.add(join(t.knotsIK().toArray()));
            out.add(join(t.knotsIJ().toArray()));
            out.add(shape[0] + " " + shape[1] + " " + shape[2]);
            double[] c = t.coefficients();
            for (int l = 0; l < shape[0]; l++) {
                for (int m = 0; m < shape[1]; m++) {
                    double[] row = new double[shape[2]];
                    System.arraycopy(c, (l * shape[1] + m) * shape[2], row, 0, shape[2]);
                    out.add(join(row));
                }
            }
            out.add("#");
        }
        StringBuilder oneBody = new StringBuilder();
        for (Map.Entry<String, Double> e : model.oneBodyEnergies().entrySet()) {
            if (e.getValue() != 0.0) {
                oneBody.append(' ').append(e.getKey()).append(' ').append(Tokens.format(e.getValue()));
            }
        }
        if (oneBody.length() > 0) {
            out.add("# one-body energies (eV per atom) of the model; not part of the ML-UF3 format, LAMMPS ignores them:"
                    + oneBody);
        }
        StringBuilder b = new StringBuilder();
        int lineNo = 0;
        for (String line : out) {
            lineNo++;
            if (line.length() > MAX_LINE_LENGTH && !line.startsWith("# one-body")) {
                throw new IllegalArgumentException("line " + lineNo + " of the .uf3 file would be " + line.length()
                        + " characters long; LAMMPS' ML-UF3 reader accepts at most " + MAX_LINE_LENGTH
                        + " (use fewer knots per term)");
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static boolean allUniform(Uf3Model model) {
        for (PairTerm p : model.pairTerms()) {
            if (!p.knots().isUniform()) {
                return false;
            }
        }
        for (TripletTerm t : model.tripletTerms()) {
            if (!t.knotsIJ().isUniform() || !t.knotsIK().isUniform() || !t.knotsJK().isUniform()) {
                return false;
            }
        }
        return true;
    }

    private static void checkTriplet(TripletTerm t, String name) {
        KnotSequence ij = t.knotsIJ();
        KnotSequence ik = t.knotsIK();
        KnotSequence jk = t.knotsJK();
        if (t.first().equals(t.second()) && !t.isSymmetric()) {
            throw new IllegalArgumentException("3-body " + name + ": both neighbours are " + t.first() + ", so legs ij and "
                    + "ik are interchangeable and need the same knots and c[l][m][n] = c[m][l][n]; LAMMPS' reader stores "
                    + "both legs in one slot and would silently use the ij knots and the l < m half");
        }
        if (ij.max() != ik.max() || jk.max() != 2 * ij.max()) {
            throw new IllegalArgumentException("3-body " + name + ": LAMMPS' pair_style uf3 needs r_ij cutoff = r_ik cutoff "
                    + "and r_jk cutoff = 2 r_ij, but the last knots are ij " + ij.max() + ", ik " + ik.max() + ", jk "
                    + jk.max());
        }
    }

    /** The last 3 coefficients along every axis of a term of the given shape must be exactly 0. */
    private static void checkTrailingZeros(double[] c, int[] shape, String name) {
        int[] idx = new int[shape.length];
        for (int flat = 0; flat < c.length; flat++) {
            int rest = flat;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
            }
            boolean trimmed = false;
            for (int d = 0; d < shape.length; d++) {
                trimmed |= idx[d] >= shape[d] - 3;
            }
            if (trimmed && c[flat] != 0.0) {
                throw new IllegalArgumentException(name + ": coefficient " + java.util.Arrays.toString(idx) + " is "
                        + c[flat] + ", but the last 3 coefficients along every axis must be 0 for the smooth cutoff "
                        + "that the file's TRAIL 3 declares");
            }
            if (c[flat] != 0.0 && Math.abs(c[flat]) < Double.MIN_NORMAL) {
                throw new IllegalArgumentException(name + ": coefficient " + java.util.Arrays.toString(idx) + " is the "
                        + "subnormal number " + c[flat] + ", which LAMMPS' number parser rejects");
            }
        }
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder(v.length * 20);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(Tokens.format(v[i]));
        }
        return b.toString();
    }

    private static String singleWord(String s, String what) {
        String t = s.trim().replaceAll("\\s+", "_");
        if (t.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return t;
    }
}
