package org.uf3j.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.uf3j.core.io.json.JsonFields;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileReader;
import org.uf3j.core.io.potential.Uf3JsonModelReader;
import org.uf3j.core.model.Uf3Model;

/**
 * Reads a potential in any supported format, recognised by content (never by extension): a first
 * non-comment line {@code #UF3 POT ...} is an ML-UF3 LAMMPS file, a JSON object with
 * {@code "format": "uf3j-model"} is the project format, a JSON object with {@code coefficients}
 * (or old {@code solution}) and knots is a uf3 Python model. Anything else is a
 * {@link Uf3FormatException} saying what was found.
 */
public final class PotentialFiles {
    private PotentialFiles() {
    }

    /** Reads the file and returns its format, model and (project format only) project record. */
    public static LoadedPotential read(Path file) throws IOException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw Uf3FormatException.inFile(name, "is not UTF-8 text: not a .uf3 potential nor a JSON model");
        }
        return parse(text, name);
    }

    /** The model only. */
    public static Uf3Model readModel(Path file) throws IOException {
        return read(file).model();
    }

    /** Recognises and reads the text of a file; {@code name} appears in messages. */
    public static LoadedPotential parse(String text, String name) {
        PotentialFormat format = detect(text, name);
        switch (format) {
            case LAMMPS_UF3:
                return new LoadedPotential(format, Uf3FileReader.parse(text, name), null);
            case PROJECT_JSON: {
                ProjectModel pm = ProjectModelIO.read(JsonFields.parse(text, name), name);
                return new LoadedPotential(format, pm.model(), pm);
            }
            default:
                return new LoadedPotential(format, Uf3JsonModelReader.read(JsonFields.parse(text, name), name), null);
        }
    }

    /** Which format a text is, from its content. */
    public static PotentialFormat detect(String text, String name) {
        String first = firstContent(text);
        if (first == null) {
            throw Uf3FormatException.inFile(name, "is empty: expected a .uf3 potential or a JSON model");
        }
        if (first.startsWith("#UF3 POT")) {
            return PotentialFormat.LAMMPS_UF3;
        }
        if (!first.startsWith("{")) {
            throw Uf3FormatException.inFile(name, "unknown content starting '" + abbreviate(first) + "': expected a "
                    + ".uf3 potential (first line '#UF3 POT UNITS: ...') or a JSON model ('{...}')");
        }
        JsonNode root = JsonFields.parse(text, name);
        JsonNode format = root.get("format");
        if (format != null && format.isTextual() && format.textValue().equals(ProjectModelIO.FORMAT)) {
            return PotentialFormat.PROJECT_JSON;
        }
        if (format != null) {
            throw Uf3FormatException.atField(name, "format", "is " + format + "; the only JSON format with a 'format' "
                    + "field that UF3-J reads is \"" + ProjectModelIO.FORMAT + "\"");
        }
        if ((root.has("coefficients") || root.has("solution")) && (root.has("knots") || root.has("knots_map"))
                || root.has("element_list")) {
            return PotentialFormat.UF3_JSON;
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        throw Uf3FormatException.inFile(name, "is JSON with top-level keys " + keys + ", neither a UF3-J model "
                + "(\"format\": \"" + ProjectModelIO.FORMAT + "\") nor a uf3 model ('coefficients' and 'knots')");
    }

    /** The first line that is not blank and not a plain '#' comment (a '#UF3 POT' header counts), trimmed. */
    private static String firstContent(String text) {
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        while (i < n) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(i, end).trim();
            i = end + 1;
            if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("#UF3 POT"))) {
                continue;
            }
            return line;
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
