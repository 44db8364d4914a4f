package org.uf3j.core.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;

/**
 * The contract every fuzz target checks (issue 14): an input either parses to a valid object or
 * fails with the documented exception type whose message is one line starting with the file's
 * name; any other exception propagates to the fuzzer as a finding; values the formats forbid
 * (NaN, infinities) never come out of a reader; a written object reads back bit for bit.
 */
public final class FuzzContract {
    /** Messages longer than this are not "one clear line" (they quote too much of the input). */
    static final int MAX_MESSAGE_LENGTH = 600;

    private FuzzContract() {
    }

    /**
     * Runs a target on a few typical inputs, ignoring the outcome, so that class loading and the
     * first compilation (seconds under Jazzer's instrumentation) are not charged to the first
     * fuzz input's one-second limit. Called from each target's {@code fuzzerInitialize}.
     */
    public static void warmUp(java.util.function.Consumer<byte[]> target, String... samples) {
        for (int round = 0; round < 3; round++) {
            for (String sample : samples) {
                try {
                    target.accept(sample.getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException | AssertionError e) {
                    // the outcome does not matter here
                }
            }
        }
    }

    /** The bytes as UTF-8 text, malformed bytes replaced by U+FFFD (as {@code InputFiles.openText} does). */
    public static String text(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder never fails", e);
        }
    }

    /** A reader over the bytes decoded like {@link #text(byte[])}. */
    public static Reader reader(byte[] data) {
        return new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /**
     * Runs {@code body}; a {@code documented} exception ends the input (after its message is
     * checked), anything else propagates as a finding.
     *
     * @return whether the body completed (the input parsed)
     */
    public static boolean parses(Class<? extends RuntimeException> documented, String file, Runnable body) {
        try {
            body.run();
            return true;
        } catch (RuntimeException e) {
            if (!documented.isInstance(e)) {
                throw e;
            }
            checkMessage(e, file);
            if (e instanceof Uf3FormatException f && !file.equals(f.file())) {
                throw new ContractViolation("error names file '" + f.file() + "', expected '" + file + "'", e);
            }
            return false;
        }
    }

    /** The message of a documented error: present, one line, starting with the file's name, not overlong. */
    public static void checkMessage(Throwable e, String file) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new ContractViolation("error without a message", e);
        }
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || (Character.isISOControl(c) && c != '\t')) {
                throw new ContractViolation("error message is not one printable line (char " + (int) c + " at " + i
                        + "): " + m, e);
            }
        }
        if (!m.startsWith(file)) {
            throw new ContractViolation("error message does not start with the file name '" + file + "': " + m, e);
        }
        if (m.length() > MAX_MESSAGE_LENGTH) {
            throw new ContractViolation("error message of " + m.length() + " characters: " + m.substring(0, 200) + "...", e);
        }
    }

    /** A reader's output that the format forbids: non-finite labels. */
    public static void checkValid(Configuration c, String what) {
        if (c.hasEnergy() && !Double.isFinite(c.energy())) {
            throw new ContractViolation(what + ": energy " + c.energy() + " accepted");
        }
        finite(c.forces(), what + ": forces");
        finite(c.virial(), what + ": virial");
        finite(c.structure().positions(), what + ": positions");
        if (c.structure().size() == 0 && (c.hasForces() && c.forces().length != 0)) {
            throw new ContractViolation(what + ": forces without atoms");
        }
    }

    /** A model's numbers are all finite (the constructors check coefficients and knots; one-body energies here). */
    public static void checkValid(Uf3Model m, String what) {
        for (Map.Entry<String, Double> e : m.oneBodyEnergies().entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new ContractViolation(what + ": one-body energy of " + e.getKey() + " is " + e.getValue());
            }
        }
    }

    private static void finite(double[] v, String what) {
        if (v == null) {
            return;
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ContractViolation(what + "[" + i + "] = " + v[i] + " accepted");
            }
        }
    }

    /** The first difference between two configurations (bitwise numbers), or null when identical. */
    public static String difference(Configuration a, Configuration b) {
        if (!Arrays.equals(a.structure().symbols(), b.structure().symbols())) {
            return "symbols " + Arrays.toString(a.structure().symbols()) + " vs " + Arrays.toString(b.structure().symbols());
        }
        if (!Arrays.equals(a.structure().positions(), b.structure().positions())) {
            return "positions differ";
        }
        String cell = difference(a.structure().cell(), b.structure().cell());
        if (cell != null) {
            return cell;
        }
        if (!Objects.equals(a.energy(), b.energy())) {
            return "energy " + a.energy() + " vs " + b.energy();
        }
        if (!Arrays.equals(a.forces(), b.forces())) {
            return "forces differ";
        }
        if (!Arrays.equals(a.virial(), b.virial())) {
            return "virial " + Arrays.toString(a.virial()) + " vs " + Arrays.toString(b.virial());
        }
        if (!a.configType().equals(b.configType())) {
            return "config_type '" + a.configType() + "' vs '" + b.configType() + "'";
        }
        if (!a.info().equals(b.info())) {
            return "info " + a.info() + " vs " + b.info();
        }
        return null;
    }

    private static String difference(Cell a, Cell b) {
        if (a == null || b == null) {
            return a == b ? null : "cell " + a + " vs " + b;
        }
        if (!Arrays.equals(a.vectors(), b.vectors()) || !Arrays.equals(a.pbc(), b.pbc())) {
            return "cell " + a + " vs " + b;
        }
        return null;
    }

    /** Two models equal number for number (bitwise), with a readable first difference, or null. */
    public static String difference(Uf3Model a, Uf3Model b) {
        if (a.equals(b)) {
            return null;
        }
        if (!a.elements().equals(b.elements())) {
            return "elements " + a.elements() + " vs " + b.elements();
        }
        if (!a.oneBodyEnergies().equals(b.oneBodyEnergies())) {
            return "one-body energies " + a.oneBodyEnergies() + " vs " + b.oneBodyEnergies();
        }
        for (PairTerm p : a.pairTerms()) {
            if (!p.equals(b.pair(p.first(), p.second()))) {
                return "pair " + p.first() + "-" + p.second();
            }
        }
        for (TripletTerm t : a.tripletTerms()) {
            if (!t.equals(b.triplet(t.centre(), t.first(), t.second()))) {
                return "triplet " + t.centre() + "-" + t.first() + "-" + t.second();
            }
        }
        return "pair/triplet sets or absent triplets " + a.absentTriplets() + " vs " + b.absentTriplets();
    }

    /** Throws a violation when {@code difference} is not null. */
    public static void same(String difference, String what) {
        if (difference != null) {
            throw new ContractViolation(what + ": " + difference);
        }
    }
}
