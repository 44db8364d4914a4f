package org.uf3j.core.io.fitsnap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.io.Uf3FormatException;

/**
 * The unit ("*Style") fields of a FitSNAP {@code Dataset}: UF3-J reads the units FitSNAP's own JSON
 * scraper uses (eV, eV/Å, Å, kB, chemical symbols) and refuses any other value with an error naming
 * the file and the field, rather than reading numbers in a unit it would get wrong. A missing style
 * field means FitSNAP's default, which is the accepted unit.
 */
final class FitsnapUnits {
    /** One style field, the one value accepted for it (any letter case) and what that value means. */
    private record Style(String field, String accepted, String meaning) {
    }

    private static final List<Style> STYLES = List.of(
            new Style("AtomTypeStyle", "chemicalsymbol", "atom types are element symbols"),
            new Style("EnergyStyle", "electronvolt", "energies in eV"),
            new Style("ForcesStyle", "electronvoltperangstrom", "forces in eV/Å"),
            new Style("LatticeStyle", "angstrom", "lattice vectors in Å"),
            new Style("PositionsStyle", "angstrom", "positions in Å"),
            new Style("StressStyle", "kB", "stress in kBar, positive under compression"));

    private FitsnapUnits() {
    }

    /** Checks every style field of {@code dataset} (the object at {@code path}) of {@code file}. */
    static void check(JsonNode dataset, String path, String file) {
        for (Style s : STYLES) {
            JsonNode v = dataset.get(s.field());
            if (v == null || v.isNull()) {
                continue;
            }
            String where = path + "." + s.field();
            if (!v.isTextual()) {
                throw Uf3FormatException.atField(file, where, "expected the string \"" + s.accepted() + "\" ("
                        + s.meaning() + "), found " + v);
            }
            if (!v.textValue().trim().toLowerCase(Locale.ROOT).equals(s.accepted().toLowerCase(Locale.ROOT))) {
                throw Uf3FormatException.atField(file, where, "unit '" + v.textValue() + "' is not supported; expected \""
                        + s.accepted() + "\" (" + s.meaning() + "); convert the data set to these units");
            }
        }
    }
}
