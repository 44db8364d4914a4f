package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uf3j.plot.PropertyPlots;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.properties.CubicLattice;
import org.uf3j.properties.Crystal;
import org.uf3j.properties.PropertyOptions;
import org.uf3j.properties.PropertyReport;
import org.uf3j.properties.PropertySuite;
import org.uf3j.properties.ReferenceProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uf3 properties}: materials properties of a potential for one element or a zincblende compound. */
@Command(name = "properties", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Compute properties of one element in a cubic crystal with the potential (pure Java):",
                "lattice constant and Birch–Murnaghan bulk modulus, elastic constants C11 C12 C44, vacancy formation",
                "energy, (100)/(110)/(111) surface energies (relaxed), and the phonon dispersion.",
                "For a two-element zincblende crystal (--structure zincblende): a0, B, C11, C12 and C44 with the ions",
                "relaxed inside the sheared cell and clamped; vacancy, surfaces and phonons are skipped with a note.",
                "Prints a Markdown summary; with -o DIR also writes properties.json, properties.md, phonons.tsv,",
                "phonons.png and eos.png.",
                "With --samples K: also compute every property for K models drawn from the fit's Bayesian posterior",
                "and report mean ± std over them (phonons are skipped for the samples)."},
        footer = {"", "Examples:",
                "  uf3 properties --potential out/model.json --structure bcc -o props",
                "  uf3 properties --potential W.uf3 --compare tungsten-dft --no-phonons",
                "  uf3 properties --potential fit/model.json --samples 20 --no-surfaces   (mean ± std over posterior draws)",
                "  uf3 properties --potential inp-fit/model.json --structure zincblende --element In,P"})
public final class PropertiesCommand implements Callable<Integer> {
    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = "--element", paramLabel = "EL[,EL2]", description = {"Element (default: the potential's first);",
            "zincblende: two, the first on the (0,0,0) sublattice (default: the potential's two, in its order)."})
    String element;

    @Option(names = "--structure", paramLabel = "bcc|fcc|sc|diamond|zincblende",
            description = "Crystal (default: ${DEFAULT-VALUE}).")
    String structure = "bcc";

    @Option(names = "--a0", paramLabel = "Å", description = "Use this lattice constant instead of minimising E(a).")
    Double a0;

    @Option(names = "--no-elastic", description = "Skip the elastic constants.")
    boolean noElastic;

    @Option(names = "--no-vacancy", description = "Skip the vacancy formation energy.")
    boolean noVacancy;

    @Option(names = "--no-surfaces", description = "Skip the surface energies.")
    boolean noSurfaces;

    @Option(names = "--no-phonons", description = "Skip the phonon dispersion.")
    boolean noPhonons;

    @Option(names = "--no-relax", description = "Unrelaxed vacancy and surface energies only (faster).")
    boolean noRelax;

    @Option(names = "--compare", paramLabel = "REF",
            description = "Also print a comparison with reference values: tungsten-dft (W-14 DFT, UF3 paper).")
    String compare;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Directory for JSON, Markdown and PNG files.")
    Path output;

    @Mixin
    PosteriorSamplesOption draws;

    @Override
    public Integer call() throws IOException {
        LoadedPotential lp = potential.load();
        CubicLattice lattice;
        try {
            lattice = CubicLattice.parse(structure);
        } catch (IllegalArgumentException e) {
            throw new CliException("--structure " + e.getMessage());
        }
        Crystal crystal = crystal(lp.model(), lattice);
        String el = crystal.formula();
        ReferenceProperties ref = null;
        if (compare != null) {
            if (!compare.equalsIgnoreCase("tungsten-dft")) {
                throw new CliException("--compare '" + compare + "': the only reference set is tungsten-dft");
            }
            ref = ReferenceProperties.TUNGSTEN_DFT;
        }
        PropertyOptions options = PropertyOptions.defaults()
                .withProperties(!noElastic, !noVacancy, !noSurfaces, !noPhonons).withRelaxation(!noRelax);
        if (a0 != null) {
            if (!(a0 > 0)) {
                throw new CliException("--a0 must be positive, got " + a0);
            }
            options = options.withFixedLatticeConstant(a0);
        }
        JavaEvaluator ev = new JavaEvaluator(lp.model());
        PropertyReport report;
        try (Progress.Bar bar = Progress.of(root).start("properties", -1, "")) {
            bar.message(crystal.label());
            report = PropertySuite.run(ev, crystal, options);
        }
        String md = "# Properties of " + potential.file().getFileName() + "\n\n" + report.toMarkdown();
        SampleStatistics sampled = null;
        draws.checkNotNegative(0);
        int samples = draws.count();
        long seed = draws.seed();
        if (samples > 0) {
            List<Uf3Model> models = draws.draw(potential.file(), lp.model());
            PropertyOptions sampleOptions = options.withProperties(!noElastic, !noVacancy, !noSurfaces, false);
            List<Map<String, Object>> maps = new java.util.ArrayList<>();
            try (Progress.Bar bar = Progress.of(root).start("samples", samples, "models")) {
                for (Uf3Model m : models) {
                    maps.add(PropertySuite.run(new JavaEvaluator(m), crystal, sampleOptions).toMap());
                    bar.step(1);
                }
            }
            sampled = SampleStatistics.of(maps);
            md += "\n## Over " + samples + " models drawn from the posterior (seed " + seed + ")\n\n"
                    + sampled.markdown(report.toMap());
        }
        if (lp.format() == PotentialFormat.LAMMPS_UF3) {
            md += "\n> " + potential.file().getFileName() + " is a .uf3 file without one-body energies: E per atom lacks them; "
                    + "formation and surface energies, elastic constants and phonons are unaffected.\n";
        }
        if (ref != null) {
            md += "\n## Compared with " + ref.source() + "\n\n" + report.compare(ref);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(md);
        if (output != null) {
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new CliException(output + ": exists and is not a directory");
            }
            Files.createDirectories(output);
            Map<String, Object> map = new java.util.LinkedHashMap<>(report.toMap());
            map.put("potential", potential.file().toString());
            if (sampled != null) {
                map.put("posterior_samples", Map.of("count", samples, "seed", seed, "statistics", sampled.toMap()));
            }
            Files.writeString(output.resolve("properties.json"), JsonText.pretty(map), StandardCharsets.UTF_8);
            Files.writeString(output.resolve("properties.md"), md, StandardCharsets.UTF_8);
            List<String> written = new java.util.ArrayList<>(List.of("properties.json", "properties.md"));
            if (report.equilibrium().eos() != null) {
                PropertyPlots.equationOfState(ev, crystal, report.a0(), report.equilibrium().eos(),
                        options.eosVolumeRange() * 2, output.resolve("eos.png"));
                written.add("eos.png");
            }
            if (report.phonons() != null) {
                Files.writeString(output.resolve("phonons.tsv"), report.phonons().toTsv(), StandardCharsets.UTF_8);
                PropertyPlots.phonons(report.phonons(), "Phonon dispersion of " + lattice.label() + " " + el + " ("
                        + potential.file().getFileName() + ")", output.resolve("phonons.png"));
                written.add("phonons.tsv");
                written.add("phonons.png");
            }
            out.println();
            out.println("wrote " + output + "/: " + String.join(" ", written));
        }
        out.flush();
        return 0;
    }

    /** The crystal named by --structure and --element, every element checked against the potential. */
    private Crystal crystal(Uf3Model model, CubicLattice lattice) {
        List<String> species;
        if (element != null) {
            species = new java.util.ArrayList<>();
            for (String e : element.split(",", -1)) {
                species.add(PotentialOption.element(model, e.trim()));
            }
        } else if (lattice.speciesCount() == 2) {
            species = model.elements();
        } else {
            species = List.of(PotentialOption.element(model, null));
        }
        if (species.size() != lattice.speciesCount()) {
            throw new CliException("--structure " + lattice.label() + " needs " + (lattice.speciesCount() == 1
                    ? "one element (--element EL)" : "two elements, e.g. --element In,P (the potential has "
                    + model.elements() + ")") + ", got " + species);
        }
        return new Crystal(lattice, species);
    }
}
