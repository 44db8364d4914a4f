package org.uf3j.cli.fit;

import java.util.Set;

/**
 * The {@code cross_validation} section: number of folds, whether folds are stratified by
 * config_type, and the fold seed (null: the split's seed).
 */
public record CrossValidationSection(int folds, boolean stratified, Long seed) {
    static final Set<String> KEYS = Set.of("folds", "stratified", "seed");

    /** Reads the section; absent: 5 stratified folds, seed from the split. */
    static CrossValidationSection read(Node cv) {
        int folds = 5;
        boolean stratified = true;
        Long seed = null;
        if (!cv.isMissing()) {
            cv.onlyKeys(KEYS);
            folds = cv.get("folds").integer(5);
            if (folds < 2) {
                throw cv.get("folds").error("must be at least 2, got " + folds);
            }
            stratified = cv.get("stratified").bool(true);
            seed = cv.get("seed").isMissing() ? null : cv.get("seed").longInteger(0);
        }
        return new CrossValidationSection(folds, stratified, seed);
    }
}
