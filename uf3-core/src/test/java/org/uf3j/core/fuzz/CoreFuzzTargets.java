package org.uf3j.core.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.uf3j.core.io.fitsnap.FitsnapJsonFuzz;

/**
 * The fuzz targets of uf3-core by the names {@code scripts/fuzz.sh} uses (its list names the
 * same classes); the regression test replays their stored inputs.
 */
public final class CoreFuzzTargets {
    private CoreFuzzTargets() {
    }

    /** Name to target, in the order of {@code scripts/fuzz.sh}. */
    public static Map<String, Consumer<byte[]>> all() {
        Map<String, Consumer<byte[]>> m = new LinkedHashMap<>();
        m.put("extxyz", ExtXyzFuzz::fuzzerTestOneInput);
        m.put("uf3-file", Uf3FileFuzz::fuzzerTestOneInput);
        m.put("uf3-json", Uf3JsonFuzz::fuzzerTestOneInput);
        m.put("project-json", ProjectJsonFuzz::fuzzerTestOneInput);
        m.put("vasprun", VasprunFuzz::fuzzerTestOneInput);
        m.put("outcar", OutcarFuzz::fuzzerTestOneInput);
        m.put("lammps-dump", LammpsDumpFuzz::fuzzerTestOneInput);
        m.put("lammps-log", LammpsLogFuzz::fuzzerTestOneInput);
        m.put("fitsnap-json", FitsnapJsonFuzz::fuzzerTestOneInput);
        return m;
    }
}
