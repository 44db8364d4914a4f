package org.uf3j.cli.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code split} section: a test fraction (seeded, optionally stratified by config_type) or a
 * file of 0-based training indices (absolute path; testFraction is then NaN). An index that names
 * no configuration of the data is an error unless {@code missing_indices: drop} says to leave it
 * out (with a warning listing it).
 *
 * @param dropMissing true when {@code missing_indices: drop}: indices ≥ the number of configurations are dropped
 */
public record SplitSection(double testFraction, long seed, boolean stratified, Path trainIndices, boolean dropMissing) {
    static final Set<String> KEYS = Set.of("test_fraction", "seed", "stratified", "train_indices", "missing_indices");

    /** Reads the section (absent: 20 % test, seed 0, stratified); relative paths resolve against {@code base}. */
    static SplitSection read(Node n, Path base) {
        if (n.isMissing()) {
            return new SplitSection(0.2, 0, true, null, false);
        }
        n.onlyKeys(KEYS);
        Node idx = n.get("train_indices");
        Node missing = n.get("missing_indices");
        if (!idx.isMissing()) {
            if (!n.get("test_fraction").isMissing()) {
                throw n.error("give either test_fraction or train_indices, not both");
            }
            Path p = base.resolve(idx.text()).normalize();
            if (!Files.exists(p)) {
                throw idx.error("file not found: " + p);
            }
            String policy = missing.text("error");
            if (!policy.equals("error") && !policy.equals("drop")) {
                throw missing.error("must be error or drop, got '" + policy + "'");
            }
            return new SplitSection(Double.NaN, 0, false, p, policy.equals("drop"));
        }
        if (!missing.isMissing()) {
            throw missing.error("applies only to an index file: give split.train_indices too");
        }
        double f = n.get("test_fraction").number(0.2);
        if (!(f >= 0 && f < 1)) {
            throw n.get("test_fraction").error("must lie in [0, 1), got " + f);
        }
        return new SplitSection(f, n.get("seed").longInteger(0), n.get("stratified").bool(true), null, false);
    }
}
