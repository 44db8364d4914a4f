package org.uf3j.core.fuzz;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every stored fuzz input of the uf3-core readers (seeds written by our writers, and the
 * inputs that broke a reader's contract before its fix) without fuzzing: each must parse or fail
 * with a one-line {@code Uf3FormatException} naming the file, and round-trip where there is a writer.
 */
class CoreFuzzRegressionTest {

    static Stream<Arguments> inputs() {
        return FuzzInputs.arguments(CoreFuzzTargets.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void storedInputKeepsTheContract(FuzzInputs.Input input) throws IOException {
        FuzzReplay.replay(input);
    }
}
