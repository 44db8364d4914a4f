package org.uf3j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code uf3} command: fit, eval, export, plot, lammps-input and properties as picocli
 * sub-commands. Every error is one line {@code uf3 <command>: error: <what>} on stderr with exit
 * code 2 (a stack trace only with {@code --debug}); success is exit code 0.
 */
@Command(name = "uf3", mixinStandardHelpOptions = true, versionProvider = Uf3Command.Version.class,
        description = "Fit, evaluate, export and inspect UF3 (ultra-fast interpretable) machine-learning potentials.",
        subcommands = {FitCommand.class, EvalCommand.class, ExportCommand.class, PlotCommand.class,
                LammpsInputCommand.class, PropertiesCommand.class, BenchCommand.class, ConvertSettingsCommand.class, SelectCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  uf3 fit examples/quickstart/fit.yaml -o out        fit a potential from a YAML config",
                "  uf3 eval --potential out/potential.uf3 --structures test.xyz",
                "  uf3 export --potential out/model.json --to uf3 -o W.uf3",
                "  uf3 plot --potential out/model.json --data train.xyz --predictions -o plots",
                "  uf3 lammps-input --potential W.uf3 --structure bcc:3.165 -o in.lammps",
                "  uf3 bench --potential W.uf3 --reference             speed: Java evaluator, LAMMPS (ours, official)",
                "", "Run 'uf3 <command> --help' for the options of a command."})
public final class Uf3Command implements Runnable {
    /** Exit code of every reported error (bad input, bad options, failed runs). */
    public static final int EXIT_ERROR = 2;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of errors.")
    boolean debugOption;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress bars (they go to stderr and are off anyway when stderr is not a terminal).")
    boolean quietOption;

    private final PrintStream err;
    private boolean debug;
    private boolean quiet;

    public Uf3Command(PrintStream err) {
        this.err = err;
    }

    /** The stream for progress bars and notes (stderr in a real run). */
    public PrintStream err() {
        return err;
    }

    public boolean debug() {
        return debug || debugOption;
    }

    /** Whether progress bars are suppressed. */
    public boolean quiet() {
        return quiet || quietOption;
    }

    @Override
    public void run() {
        CommandLine cl = new CommandLine(this);
        String commands = String.join(", ", cl.getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList());
        throw new CommandLine.ParameterException(cl, "no command given; choose one of " + commands + " (see 'uf3 --help')");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("java.util.logging.SimpleFormatter.format", "uf3: %4$s: %5$s%6$s%n");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given output streams and returns the exit code (for tests and main). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Locale.setDefault(Locale.ROOT);
        System.setProperty("java.awt.headless", "true");
        Uf3Command root = new Uf3Command(err);
        for (String a : args) {
            if (a.equals("--debug")) {
                root.debug = true;
            } else if (a.equals("-q") || a.equals("--quiet")) {
                root.quiet = true;
            }
        }
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            report(commandLine, ErrorMessages.describe(ex), err);
            if (root.debug()) {
                ex.printStackTrace(err);
            }
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            report(c, ErrorMessages.oneLine(ex.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName() + " --help')",
                    err);
            if (root.debug()) {
                ex.printStackTrace(err);
            }
            return EXIT_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static void report(CommandLine c, String message, PrintStream err) {
        err.println(c.getCommandSpec().qualifiedName() + ": error: " + message);
        err.flush();
    }

    /** Version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Uf3Command.class.getPackage().getImplementationVersion();
            return new String[] {"uf3 (UF3-J) " + (v == null ? "0.1.0-SNAPSHOT" : v) + ", Java " + System.getProperty("java.version")};
        }
    }
}
