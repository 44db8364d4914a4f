package org.uf3j.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uf3j.core.structure.Configuration;

/**
 * A train/test split from an index file written for an ORIGINAL data file, applied to a copy of it
 * from which frames were removed and whose frames record their 1-based position in the original
 * under an info key (W-14's {@code w14.xyz} and its {@code w14_index}): original index i is the
 * frame whose key reads i + 1. Indices naming a removed frame are dropped and reported.
 *
 * @param split   training = the frames named by the index file, test = all others (positions in the copy)
 * @param dropped the original indices that name no frame of the copy, in file order
 */
public record OriginalIndexSplit(DataSplit split, int[] dropped) {

    /**
     * @param all             the frames of the copy, in file order
     * @param originalIndices 0-based positions in the original file
     * @param key             the info key holding each frame's 1-based original position
     * @throws IllegalArgumentException naming the frame whose key is missing or not an integer
     */
    public static OriginalIndexSplit of(List<Configuration> all, int[] originalIndices, String key) {
        Map<Integer, Integer> byOriginal = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String v = all.get(i).info().get(key);
            try {
                byOriginal.put(Integer.parseInt(v.trim()) - 1, i);
            } catch (NullPointerException | NumberFormatException e) {
                throw new IllegalArgumentException(all.get(i).source() + ": expected an integer '" + key
                        + "' (1-based position in the original file), got " + (v == null ? "none" : "'" + v + "'"));
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int i : originalIndices) {
            Integer pos = byOriginal.get(i);
            (pos == null ? dropped : train).add(pos == null ? i : pos);
        }
        DataSplit split = DataSplit.fromIndices(train.stream().mapToInt(Integer::intValue).toArray(), all.size(), false);
        return new OriginalIndexSplit(split, dropped.stream().mapToInt(Integer::intValue).toArray());
    }
}
