package org.uf3j.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.uf3j.core.structure.Configuration;

/**
 * Splits of a data set into training and test configurations, and training configurations into
 * cross-validation folds: random (seeded), stratified by config_type (each type split in the same
 * proportion), or from an index file. Indices are 0-based positions in the list of configurations.
 *
 * @param train indices of the training configurations, ascending
 * @param test  indices of the test configurations, ascending
 */
public record DataSplit(int[] train, int[] test) {

    /** The configurations at the training indices. */
    public <T> List<T> train(List<T> all) {
        return pick(all, train);
    }

    public <T> List<T> test(List<T> all) {
        return pick(all, test);
    }

    private static <T> List<T> pick(List<T> all, int[] idx) {
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(all.get(i));
        }
        return out;
    }

    /** A seeded random split with round(fraction·n) training configurations. */
    public static DataSplit random(int n, double trainFraction, long seed) {
        checkFraction(trainFraction);
        List<Integer> order = shuffled(n, new Random(seed));
        int nt = (int) Math.round(trainFraction * n);
        return of(order.subList(0, nt), order.subList(nt, n));
    }

    /** A seeded split that puts round(fraction·n_t) configurations of every config_type t in training. */
    public static DataSplit stratified(List<Configuration> configs, double trainFraction, long seed) {
        checkFraction(trainFraction);
        Random rnd = new Random(seed);
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        for (List<Integer> group : byType(configs).values()) {
            Collections.shuffle(group, rnd);
            int nt = (int) Math.round(trainFraction * group.size());
            tr.addAll(group.subList(0, nt));
            te.addAll(group.subList(nt, group.size()));
        }
        return of(tr, te);
    }

    /**
     * Training = the given 0-based indices, test = all others. Indices ≥ n are dropped when
     * {@code dropOutOfRange} (e.g. an index file written for a longer version of the data set),
     * otherwise they are an error.
     */
    public static DataSplit fromIndices(int[] trainIndices, int n, boolean dropOutOfRange) {
        boolean[] inTrain = new boolean[n];
        for (int i : trainIndices) {
            if (i < 0 || i >= n) {
                if (dropOutOfRange && i >= n) {
                    continue;
                }
                throw new IllegalArgumentException("training index " + i + " is outside 0.." + (n - 1)
                        + " (indices are 0-based positions)");
            }
            inTrain[i] = true;
        }
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (inTrain[i] ? tr : te).add(i);
        }
        return of(tr, te);
    }

    /**
     * The indices that name no configuration of a data set of n (≥ n), in the order given, each
     * once: what an index file written for a longer version of the data names but this one lacks.
     */
    public static int[] beyond(int[] indices, int n) {
        return Arrays.stream(indices).filter(i -> i >= n).distinct().toArray();
    }

    /**
     * Reads 0-based integer indices, whitespace- or comma-separated, '#' starts a comment.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file and line of anything that is not an integer
     */
    public static int[] readIndices(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int[] out = new int[16];
        int n = 0;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String tok : line.trim().split("[\\s,]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                try {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, 2 * n);
                    }
                    out[n++] = Integer.parseInt(tok);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + ": expected a 0-based integer index, got '"
                            + tok + "'");
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** k fold labels 0..k−1 for n items, seeded, as equal in size as possible. */
    public static int[] folds(int n, int k, long seed) {
        checkFolds(n, k);
        List<Integer> order = shuffled(n, new Random(seed));
        int[] fold = new int[n];
        for (int q = 0; q < n; q++) {
            fold[order.get(q)] = q % k;
        }
        return fold;
    }

    /** k fold labels with every config_type spread evenly over the folds. */
    public static int[] stratifiedFolds(List<Configuration> configs, int k, long seed) {
        checkFolds(configs.size(), k);
        Random rnd = new Random(seed);
        int[] fold = new int[configs.size()];
        int offset = 0;
        for (List<Integer> group : byType(configs).values()) {
            Collections.shuffle(group, rnd);
            for (int q = 0; q < group.size(); q++) {
                fold[group.get(q)] = (offset + q) % k;
            }
            offset += group.size();
        }
        return fold;
    }

    private static Map<String, List<Integer>> byType(List<Configuration> configs) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            groups.computeIfAbsent(configs.get(i).configType(), t -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static List<Integer> shuffled(int n, Random rnd) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        return order;
    }

    private static DataSplit of(List<Integer> tr, List<Integer> te) {
        int[] a = tr.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] b = te.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new DataSplit(a, b);
    }

    private static void checkFraction(double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException("training fraction must lie in [0, 1], got " + f);
        }
    }

    private static void checkFolds(int n, int k) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("need 2 <= folds <= configurations (" + n + "), got " + k);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSplit d && Arrays.equals(train, d.train) && Arrays.equals(test, d.test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train) * 31 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "DataSplit[" + train.length + " train, " + test.length + " test]";
    }
}
