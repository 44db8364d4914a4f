package org.uf3j.core.io.vasp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.VirialUnits;
import org.uf3j.core.io.text.InputFiles;
import org.uf3j.core.io.text.PullReader;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * Streams the ionic steps of a VASP {@code vasprun.xml} as {@link Configuration}s with a StAX pull
 * parser: one {@code <calculation>} in memory at a time, never a DOM of the file (the eigenvalues
 * and DOS of each step are skipped unread).
 *
 * <p>What is read: element symbols from {@code <atominfo>}; for every {@code <calculation>} (one
 * per ionic step) its {@code <structure>} (lattice {@code basis} rows in Å, fractional
 * {@code positions}), {@code <varray name="forces">} (eV/Å), {@code <varray name="stress">} (kBar,
 * optional: absent when ISIF=0) and the energies of its {@code <energy>} block. The stress becomes
 * the virial W = σ_VASP·V (eV, positive under compression; see {@link VirialUnits} for the sign
 * convention and its source). A calculation without a structure (never seen in practice) reuses the
 * previous one, e.g. {@code initialpos}.
 *
 * <p>Energies: the free energy {@code e_fr_energy} is the default, as forces and stress are its
 * derivatives. VASP 5 writes {@code e_wo_entrp} and {@code e_0_energy} swapped in the
 * {@code <energy>} block of each calculation (fixed in VASP 6; VASP forum thread 16942, pymatgen
 * issue 2367), while the electronic steps ({@code <scstep>}) are right. So the two are taken as
 * {@code e_fr_energy} of the calculation plus their difference to {@code e_fr_energy} in the last
 * electronic step, which is right for every version and keeps corrections (e.g. van der Waals)
 * that only the calculation's block includes; without electronic steps the calculation's values
 * are used, swapped back for VASP &lt; 6. All three land in {@code Configuration.info}
 * ({@code e_fr_energy}, {@code e_wo_entrp}, {@code e_0_energy}) with {@code ionic_step} (1-based)
 * and, when non-zero, {@code pstress_kB} (the stress is used as printed).
 *
 * <p>{@code Configuration.source} is "file:line" of the {@code <calculation>} start tag.
 */
public final class VasprunReader extends PullReader {
    private static final String[] ENERGY_NAMES = {"e_fr_energy", "e_wo_entrp", "e_0_energy"};

    private final String name;
    private final VaspOptions options;
    private final CountingInputStream input;
    private final XMLStreamReader x;
    private boolean rootOpened;
    private boolean ended;
    private String[] symbols;
    private int declaredAtoms = -1;
    private int majorVersion = -1;
    private double pstress;
    private double[] lastBasis;
    private double[] lastFractional;
    private int steps;
    private int calculationLine;
    private Configuration lastComplete;

    private VasprunReader(InputStream in, String name, VaspOptions options) {
        super(name);
        this.name = name;
        this.options = options == null ? VaspOptions.defaults() : options;
        this.input = new CountingInputStream(in);
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            this.x = f.createXMLStreamReader(input);
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw Uf3FormatException.atLine(name, lineOf(e), "not an XML file: " + e.getMessage(), e);
        }
    }

    /** Opens a vasprun.xml (or vasprun.xml.gz) with default options; close it when done. */
    public static VasprunReader open(Path file) throws IOException {
        return open(file, VaspOptions.defaults());
    }

    /** Opens a vasprun.xml (or vasprun.xml.gz); close it when done. */
    public static VasprunReader open(Path file, VaspOptions options) throws IOException {
        return new VasprunReader(InputFiles.open(file), file.toString(), options);
    }

    /** Streams from bytes (the XML declaration gives the encoding); {@code name} is used in messages and sources. */
    public static VasprunReader of(InputStream in, String name, VaspOptions options) {
        return new VasprunReader(in, name, options);
    }

    /** Every selected ionic step of a file. */
    public static List<Configuration> readAll(Path file, VaspOptions options) throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (VasprunReader r = open(file, options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** Every ionic step of a file, default options. */
    public static List<Configuration> readAll(Path file) throws IOException {
        return readAll(file, VaspOptions.defaults());
    }

    /** A lazy stream of the ionic steps; close the stream to close the file. */
    public static Stream<Configuration> stream(Path file, VaspOptions options) throws IOException {
        return open(file, options).stream();
    }

    @Override
    protected Configuration readNext() {
        if (ended) {
            return null;
        }
        try {
            if (!rootOpened) {
                openRoot();
                rootOpened = true;
            }
            while (nextChild()) {
                switch (x.getLocalName()) {
                    case "generator" -> readGenerator();
                    case "atominfo" -> readAtominfo();
                    case "parameters" -> readParameters();
                    case "structure" -> readStructure(null);
                    case "calculation" -> {
                        Configuration c = readCalculation();
                        if (options.ionicSteps() == VaspOptions.IonicSteps.ALL) {
                            return c;
                        }
                        lastComplete = c;
                    }
                    default -> skip();
                }
            }
            return finish();
        } catch (XMLStreamException e) {
            return brokenXml(e);
        }
    }

    @Override
    protected void closeInput() {
        try {
            x.close();
        } catch (XMLStreamException e) {
            // closing a parser does not fail in a way that matters; the stream is closed below
        }
        closeQuietly(input);
    }

    private Configuration finish() {
        ended = true;
        Configuration c = lastComplete;
        lastComplete = null;
        return c;
    }

    /** A parse error: a truncated file (the parser hit the end of the input) or malformed XML. */
    private Configuration brokenXml(XMLStreamException e) {
        int line = lineOf(e);
        boolean truncated = input.reachedEnd() && looksLikePrematureEnd(e);
        String where = calculationLine > 0 ? "inside the <calculation> of ionic step " + (steps + 1)
                + " that starts at line " + calculationLine : rootOpened ? "before </modeling>" : "before the root element";
        if (truncated) {
            if (options.allowIncomplete()) {
                return finish();
            }
            ended = true;
            throw Uf3FormatException.atLine(name, line, "file ends " + where + " (truncated: is VASP still running, or "
                    + "was it killed?); " + steps + " complete ionic step(s) before it; allowIncomplete keeps those", e);
        }
        ended = true;
        throw Uf3FormatException.atLine(name, line, "malformed XML " + where + ": " + e.getMessage(), e);
    }

    private boolean looksLikePrematureEnd(XMLStreamException e) {
        if (e.getLocation() == null || e.getLocation().getCharacterOffset() < 0) {
            return true;
        }
        // the parser reports the offset where it stopped; a truncation stops at the very end
        return input.count() - e.getLocation().getCharacterOffset() <= 4;
    }

    private void openRoot() throws XMLStreamException {
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (!x.getLocalName().equals("modeling")) {
                    throw error("root element is <" + x.getLocalName() + ">, expected <modeling> (is this a "
                            + "vasprun.xml?)");
                }
                return;
            }
        }
        throw Uf3FormatException.atLine(name, line(), "no XML element: expected a vasprun.xml with root <modeling>");
    }

    private void readGenerator() throws XMLStreamException {
        while (nextChild()) {
            if (x.getLocalName().equals("i") && "version".equals(attr("name"))) {
                String v = x.getElementText().trim();
                int dot = v.indexOf('.');
                Integer major = Tokens.parseIntOrNull(dot < 0 ? v : v.substring(0, dot));
                majorVersion = major == null ? -1 : major;
            } else {
                skip();
            }
        }
    }

    private void readParameters() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = advance();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (x.getLocalName().equals("i") && "PSTRESS".equals(attr("name"))) {
                    pstress = number(x.getElementText(), "PSTRESS");
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void readAtominfo() throws XMLStreamException {
        while (nextChild()) {
            switch (x.getLocalName()) {
                case "atoms" -> {
                    String t = x.getElementText().trim();
                    Integer n = Tokens.parseIntOrNull(t);
                    if (n == null || n < 0) {
                        throw error("<atoms> is '" + t + "', expected the number of atoms");
                    }
                    declaredAtoms = n;
                }
                case "array" -> {
                    if ("atoms".equals(attr("name"))) {
                        readAtomsArray();
                    } else {
                        skip();
                    }
                }
                default -> skip();
            }
        }
        if (symbols == null) {
            throw error("<atominfo> has no <array name=\"atoms\"> with the element of every atom");
        }
        if (declaredAtoms >= 0 && declaredAtoms != symbols.length) {
            throw error("<atominfo> declares " + declaredAtoms + " atoms but lists " + symbols.length);
        }
    }

    private void readAtomsArray() throws XMLStreamException {
        List<String> fields = new ArrayList<>();
        List<String> out = new ArrayList<>();
        while (nextChild()) {
            switch (x.getLocalName()) {
                case "field" -> fields.add(x.getElementText().trim());
                case "set" -> {
                    int column = Math.max(0, fields.indexOf("element"));
                    while (nextChild()) {
                        if (!x.getLocalName().equals("rc")) {
                            skip();
                            continue;
                        }
                        int row = line();
                        List<String> cells = new ArrayList<>();
                        while (nextChild()) {
                            if (x.getLocalName().equals("c")) {
                                cells.add(x.getElementText().trim());
                            } else {
                                skip();
                            }
                        }
                        if (cells.size() <= column) {
                            throw Uf3FormatException.atLine(name, row, "atom " + (out.size() + 1) + " of <array name="
                                    + "\"atoms\"> has no '" + (fields.isEmpty() ? "element" : fields.get(column))
                                    + "' column");
                        }
                        out.add(symbol(cells.get(column), row, out.size() + 1));
                    }
                }
                default -> skip();
            }
        }
        symbols = out.toArray(new String[0]);
    }

    private String symbol(String raw, int row, int atom) {
        String s = raw.isEmpty() ? raw : raw.substring(0, 1).toUpperCase(Locale.ROOT) + raw.substring(1).toLowerCase(Locale.ROOT);
        if (!Elements.isElement(s)) {
            throw Uf3FormatException.atLine(name, row, "atom " + atom + " has element '" + raw
                    + "' in <atominfo>, expected a chemical element symbol");
        }
        return s;
    }

    /** Reads a {@code <structure>}; stores it as the latest structure and returns {basis, fractional}. */
    private double[][] readStructure(String context) throws XMLStreamException {
        int start = line();
        double[] basis = null;
        double[] frac = null;
        while (nextChild()) {
            switch (x.getLocalName()) {
                case "crystal" -> {
                    while (nextChild()) {
                        if (x.getLocalName().equals("varray") && "basis".equals(attr("name"))) {
                            basis = vectors(3, 3, "lattice vector", "basis");
                        } else {
                            skip();
                        }
                    }
                }
                case "varray" -> {
                    if ("positions".equals(attr("name"))) {
                        int n = symbols != null ? symbols.length : -1;
                        frac = vectors(n, 3, "atom", "positions");
                    } else {
                        skip();
                    }
                }
                default -> skip();
            }
        }
        if (basis == null || frac == null) {
            throw Uf3FormatException.atLine(name, start, "<structure>" + (context == null ? "" : " of " + context)
                    + " has no " + (basis == null ? "<crystal><varray name=\"basis\">" : "<varray name=\"positions\">"));
        }
        lastBasis = basis;
        lastFractional = frac;
        return new double[][] {basis, frac};
    }

    private Configuration readCalculation() throws XMLStreamException {
        calculationLine = line();
        int step = steps + 1;
        String context = "ionic step " + step + " (<calculation> at line " + calculationLine + ")";
        if (symbols == null) {
            throw error("<calculation> comes before <atominfo>: the elements of the atoms are unknown");
        }
        double[][] structure = null;
        double[] forces = null;
        double[] stress = null;
        Map<String, Double> energies = null;
        Map<String, Double> lastScstep = null;
        while (nextChild()) {
            switch (x.getLocalName()) {
                case "structure" -> structure = readStructure(context);
                case "varray" -> {
                    String which = attr("name");
                    if ("forces".equals(which)) {
                        forces = vectors(symbols.length, 3, "atom", "forces");
                    } else if ("stress".equals(which)) {
                        stress = vectors(3, 3, "row", "stress");
                    } else {
                        skip();
                    }
                }
                case "energy" -> energies = readEnergy();
                case "scstep" -> {
                    Map<String, Double> e = readScstep();
                    if (e != null) {
                        lastScstep = e;
                    }
                }
                default -> skip();
            }
        }
        int end = line();
        if (structure == null) {
            if (lastBasis == null) {
                throw Uf3FormatException.atLine(name, end, context + " has no <structure> and none came before it");
            }
            structure = new double[][] {lastBasis, lastFractional};
        }
        if (forces == null) {
            throw Uf3FormatException.atLine(name, end, context + " has no <varray name=\"forces\">");
        }
        if (energies == null || !energies.containsKey("e_fr_energy")) {
            throw Uf3FormatException.atLine(name, end, context + " has no <energy> block with <i name=\"e_fr_energy\">");
        }
        Configuration c = build(structure[0], structure[1], forces, stress, energies, lastScstep, step);
        steps = step;
        calculationLine = 0;
        return c;
    }

    private Configuration build(double[] basis, double[] frac, double[] forces, double[] stress,
                                Map<String, Double> energies, Map<String, Double> scstep, int step) {
        int n = symbols.length;
        double[] pos = new double[3 * n];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < 3; k++) {
                pos[3 * a + k] = frac[3 * a] * basis[k] + frac[3 * a + 1] * basis[3 + k] + frac[3 * a + 2] * basis[6 + k];
            }
        }
        Cell cell;
        try {
            cell = new Cell(basis, new boolean[] {true, true, true});
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.atLine(name, calculationLine, "ionic step " + step + ": " + e.getMessage());
        }
        double efr = energies.get("e_fr_energy");
        Double ewo;
        Double e0;
        if (scstep != null && scstep.size() == 3) {
            ewo = efr + (scstep.get("e_wo_entrp") - scstep.get("e_fr_energy"));
            e0 = efr + (scstep.get("e_0_energy") - scstep.get("e_fr_energy"));
        } else {
            ewo = energies.get("e_wo_entrp");
            e0 = energies.get("e_0_energy");
            if (majorVersion >= 0 && majorVersion < 6) {
                Double t = ewo;
                ewo = e0;
                e0 = t;
            }
        }
        Double energy = switch (options.energy()) {
            case FREE_ENERGY -> efr;
            case WITHOUT_ENTROPY -> ewo;
            case SIGMA_ZERO -> e0;
        };
        if (energy == null) {
            throw Uf3FormatException.atLine(name, calculationLine, "ionic step " + step + " has no "
                    + options.energy().vasprunName() + " (asked for by the options)");
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("ionic_step", Integer.toString(step));
        info.put("e_fr_energy", Tokens.format(efr));
        if (ewo != null) {
            info.put("e_wo_entrp", Tokens.format(ewo));
        }
        if (e0 != null) {
            info.put("e_0_energy", Tokens.format(e0));
        }
        if (pstress != 0) {
            info.put("pstress_kB", Tokens.format(pstress));
        }
        double[] virial = stress == null ? null : VirialUnits.fromVaspKbarMatrix(stress, cell.volume());
        return new Configuration(new Structure(symbols, pos, cell), energy, forces, virial, options.configType(),
                name + ":" + calculationLine, info);
    }

    private Map<String, Double> readEnergy() throws XMLStreamException {
        Map<String, Double> out = new HashMap<>();
        while (nextChild()) {
            String which = x.getLocalName().equals("i") ? attr("name") : null;
            if (which != null && isEnergyName(which)) {
                out.put(which, number(x.getElementText(), which));
            } else {
                skip();
            }
        }
        return out;
    }

    /** The three total energies of an electronic step, or null when it does not list all three. */
    private Map<String, Double> readScstep() throws XMLStreamException {
        Map<String, Double> out = null;
        while (nextChild()) {
            if (x.getLocalName().equals("energy")) {
                out = readEnergy();
            } else {
                skip();
            }
        }
        return out != null && out.size() == 3 ? out : null;
    }

    private static boolean isEnergyName(String s) {
        for (String e : ENERGY_NAMES) {
            if (e.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the {@code <v>} rows of the current {@code <varray>}: {@code rows} rows (any number when
     * negative) of {@code width} numbers, flattened.
     */
    private double[] vectors(int rows, int width, String rowName, String varray) throws XMLStreamException {
        int start = line();
        double[] out = new double[Math.max(rows, 4) * width];
        int count = 0;
        while (nextChild()) {
            if (!x.getLocalName().equals("v")) {
                skip();
                continue;
            }
            String[] t = Tokens.split(x.getElementText());
            if (t.length != width) {
                throw error("<varray name=\"" + varray + "\"> " + rowName + " " + (count + 1) + ": expected " + width
                        + " numbers, found " + t.length);
            }
            if ((count + 1) * width > out.length) {
                out = java.util.Arrays.copyOf(out, 2 * out.length);
            }
            for (int k = 0; k < width; k++) {
                double v = Tokens.parseOrNaN(t[k]);
                if (Double.isNaN(v)) {
                    throw error("<varray name=\"" + varray + "\"> " + rowName + " " + (count + 1) + " component "
                            + (k + 1) + ": expected a finite number, found '" + t[k] + "'");
                }
                out[count * width + k] = v;
            }
            count++;
        }
        if (rows >= 0 && count != rows) {
            throw Uf3FormatException.atLine(name, start, "<varray name=\"" + varray + "\"> has " + count + " rows, "
                    + "expected " + rows + (varray.equals("stress") || varray.equals("basis") ? "" : " (one per atom)"));
        }
        return count * width == out.length ? out : java.util.Arrays.copyOf(out, count * width);
    }

    private double number(String text, String what) {
        String t = text.trim();
        double v = Tokens.parseOrNaN(t);
        if (Double.isNaN(v)) {
            throw error("<i name=\"" + what + "\">: expected a finite number, found '" + t + "'");
        }
        return v;
    }

    /** Advances to the next child element (true) or to the end of the current element (false). */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int e = advance();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Skips the element whose start tag was just read, with everything inside it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = advance();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int advance() throws XMLStreamException {
        int e = x.next();
        if (e == XMLStreamConstants.END_DOCUMENT) {
            throw new XMLStreamException("unexpected end of the document", x.getLocation());
        }
        return e;
    }

    private String attr(String attribute) {
        return x.getAttributeValue(null, attribute);
    }

    private int line() {
        return x.getLocation() == null ? 0 : x.getLocation().getLineNumber();
    }

    private static int lineOf(XMLStreamException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
    }

    private Uf3FormatException error(String what) {
        return Uf3FormatException.atLine(name, line(), what);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the bytes handed to the parser and notices the end of the input. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;
        private boolean end;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end = true;
            } else {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                end = true;
            } else {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }

        boolean reachedEnd() {
            return end;
        }
    }
}
