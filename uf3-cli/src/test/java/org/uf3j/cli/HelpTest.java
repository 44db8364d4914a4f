package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every command has --help with an example; usage mistakes are one line and exit code 2. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"fit", "eval", "export", "plot", "lammps-input", "properties"})
    void everyCommandHasHelpWithAnExample(String command) {
        Cli.Result r = Cli.run(command, "--help").assertOk();
        assertTrue(r.out().contains("Usage: uf3 " + command), r.out());
        assertTrue(r.out().contains("Example"), r.out());
        assertTrue(r.out().contains("uf3 " + command + " "), "the example runs the command: " + r.out());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result r = Cli.run("--help").assertOk();
        for (String c : new String[] {"fit", "eval", "export", "plot", "lammps-input", "properties"}) {
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
