package org.uf3j.cli.fit;

import java.nio.file.Path;
import org.uf3j.core.io.lammps.LammpsDumpOptions;

/**
 * One entry of the {@code data} list: path (absolute), format (auto only when the content is not
 * a LAMMPS dump), extended-XYZ keys of the reference labels, the LAMMPS dump options (null unless
 * the format is lammps-dump), and its key path in the config.
 */
public record DataEntry(Path path, String format, String energyKey, String forcesKey, LammpsDumpOptions lammpsDump,
                        String key) {
}
