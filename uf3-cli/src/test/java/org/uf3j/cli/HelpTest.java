package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command has --help with an example; usage mistakes are one line and exit code 2. */
class HelpTest {
    /** The sub-commands registered with picocli, so that a new command is checked without editing this test. */
    static Stream<String> commands() {
        return new CommandLine(new Uf3Command(System.err)).getSubcommands().keySet().stream().filter(c -> !c.equals("help"));
    }

    @Test
    void theRegisteredCommandsAreFound() {
        assertTrue(commands().toList().containsAll(List.of("fit", "eval", "export", "plot", "lammps-input", "properties",
                "bench")), commands().toList().toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpWithAnExample(String command) {
        Cli.Result r = Cli.run(command, "--help").assertOk();
        assertTrue(r.out().contains("Usage: uf3 " + command), r.out());
        assertTrue(r.out().contains("Example"), r.out());
        assertTrue(r.out().contains("uf3 " + command + " "), "the example runs the command: " + r.out());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result r = Cli.run("--help").assertOk();
        for (String c : commands().toList()) {
            assertTrue(r.out().contains(c), c);
        }
    }

    @Test
    void usageMistakesAreOneLineWithExitCode2() {
        Cli.run("eval", "-p", "x", "-s", "y", "--potentail", "z").assertError("eval", "Unknown option", "--potentail");
        Cli.run("export", "--potential", "x", "--to", "pdf").assertError("export", "pdf", "uf3, json, uf3-json, table");
        Cli.run("frobnicate").assertError("", "frobnicate");
        Cli.run().assertError("", "no command");
    }
}
