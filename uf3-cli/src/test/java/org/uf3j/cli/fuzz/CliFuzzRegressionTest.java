package org.uf3j.cli.fuzz;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uf3j.core.fuzz.FuzzInputs;
import org.uf3j.core.fuzz.FuzzReplay;

/**
 * Replays every stored fuzz input of the configuration readers without fuzzing: each must be read
 * or rejected with a one-line {@code CliException} naming the file.
 */
class CliFuzzRegressionTest {

    static Stream<Arguments> inputs() {
        return FuzzInputs.arguments(CliFuzzTargets.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void storedInputKeepsTheContract(FuzzInputs.Input input) throws IOException {
        FuzzReplay.replay(input);
    }
}
