package org.uf3j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.model.Uf3Model;

/** Loads a potential file of any supported format (told apart by content) with one-line errors. */
public final class Potentials {
    private Potentials() {
    }

    /** Reads the file; a missing file or unreadable content is a {@link CliException} naming the file. */
    public static LoadedPotential load(Path file) {
        if (!Files.exists(file)) {
            throw new CliException(file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(file + ": is a directory, expected a potential file (.uf3 or JSON model)");
        }
        try {
            return PotentialFiles.read(file);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + ErrorMessages.describe(e), e);
        }
    }

    /** "ML-UF3 .uf3 file", "uf3 JSON model" or "UF3-J project model". */
    public static String formatName(PotentialFormat f) {
        return switch (f) {
            case LAMMPS_UF3 -> "ML-UF3 .uf3 file";
            case UF3_JSON -> "uf3 JSON model";
            case PROJECT_JSON -> "UF3-J project model";
        };
    }

    /** e.g. "UF2,3 potential for W (3 terms)". */
    public static String describe(Uf3Model m) {
        return (m.bodyOrder() == 3 ? "UF2,3" : "UF2") + " potential for " + String.join(", ", m.elements()) + " ("
                + m.pairTerms().size() + " 2-body" + (m.bodyOrder() == 3 ? ", " + m.tripletTerms().size() + " 3-body" : "")
                + " terms" + (m.absentTriplets().isEmpty() ? "" : ", " + m.absentTriplets().size() + " 3-body left out: "
                + String.join(", ", m.absentTriplets())) + ", cutoff " + m.maxCutoff() + " Å)";
    }

    /** Whether a model's one-body energies are all zero (as from a .uf3 file). */
    public static boolean hasOneBodyEnergies(Uf3Model m) {
        for (String e : m.elements()) {
            if (m.oneBodyEnergy(e) != 0.0) {
                return true;
            }
        }
        return false;
    }
}
