package org.uf3j.bench.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.OriginalIndexSplit;

/**
 * The W-14 tungsten data of the UF3 paper and its 20/80 split. {@code uf3_training_idx.txt} does
 * not say whether its indices are 0- or 1-based; they are read as 0-based positions in the
 * ORIGINAL w-14.xyz (9,693 frames), matched to the frames of {@code w14.xyz} (9,691 frames) through
 * their {@code w14_index} key (1-based position in the original). An index that names one of the
 * two frames missing from w14.xyz is dropped and reported by {@link #note()}.
 */
final class W14Data {
    final Path dir;
    final List<Configuration> all;
    final DataSplit paperSplit;
    final int indexCount;
    final int[] droppedIndices;

    private W14Data(Path dir, List<Configuration> all, DataSplit split, int indexCount, int[] dropped) {
        this.dir = dir;
        this.all = all;
        this.paperSplit = split;
        this.indexCount = indexCount;
        this.droppedIndices = dropped;
    }

    static W14Data load() throws IOException {
        return load(PaperPaths.data().resolve("tungsten"));
    }

    /** From a directory holding w14.xyz and uf3_training_idx.txt. */
    static W14Data load(Path dir) throws IOException {
        List<Configuration> all = ExtXyzReader.readAll(dir.resolve("w14.xyz"));
        int[] idx = DataSplit.readIndices(dir.resolve("uf3_training_idx.txt"));
        OriginalIndexSplit split = OriginalIndexSplit.of(all, idx, "w14_index");
        return new W14Data(dir, all, split.split(), idx.length, split.dropped());
    }

    List<Configuration> train() {
        return paperSplit.train(all);
    }

    List<Configuration> test() {
        return paperSplit.test(all);
    }

    /** How the split was read, for every report. */
    String note() {
        return String.format(java.util.Locale.ROOT,
                "paper split: %d indices in uf3_training_idx.txt read as 0-based positions in the original w-14.xyz "
                        + "(matched through w14_index - 1); %d of them (%s) name a frame missing from w14.xyz and are "
                        + "dropped: %d training and %d test configurations of %d",
                indexCount, droppedIndices.length, Arrays.toString(droppedIndices), paperSplit.train().length,
                paperSplit.test().length, all.size());
    }

    /** Provenance for JSON outputs. */
    Map<String, Object> provenance() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("data", dir.resolve("w14.xyz").toString());
        m.put("index_file", dir.resolve("uf3_training_idx.txt").toString());
        m.put("index_convention", "0-based positions in the original w-14.xyz, matched through w14_index - 1");
        m.put("indices_in_file", indexCount);
        m.put("indices_dropped_missing_frame", Arrays.stream(droppedIndices).boxed().toList());
        m.put("train_configurations", paperSplit.train().length);
        m.put("test_configurations", paperSplit.test().length);
        m.put("configurations", all.size());
        return m;
    }
}
