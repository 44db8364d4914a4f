package org.uf3j.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Feeds one stored input to its target, as the fuzzer would, with a hang guard. */
public final class FuzzReplay {
    /**
     * Far above Jazzer's one second per input: this guards against hangs, it is not a timing
     * (a loaded CI machine must not fail it).
     */
    private static final Duration HANG = Duration.ofSeconds(20);

    private FuzzReplay() {
    }

    /** Runs the input through its target: any exception or contract violation fails the test. */
    public static void replay(FuzzInputs.Input input) throws IOException {
        byte[] data = Files.readAllBytes(input.file());
        assertTimeoutPreemptively(HANG, () -> input.function().accept(data), () -> input + " hangs");
    }
}
