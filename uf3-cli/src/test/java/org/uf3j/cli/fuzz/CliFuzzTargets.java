package org.uf3j.cli.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The fuzz targets of uf3-cli by the names {@code scripts/fuzz.sh} uses. */
public final class CliFuzzTargets {
    private CliFuzzTargets() {
    }

    /** Name to target, in the order of {@code scripts/fuzz.sh}. */
    public static Map<String, Consumer<byte[]>> all() {
        Map<String, Consumer<byte[]>> m = new LinkedHashMap<>();
        m.put("fit-config", FitConfigFuzz::fuzzerTestOneInput);
        m.put("uf3-settings", Uf3SettingsFuzz::fuzzerTestOneInput);
        return m;
    }
}
