package org.uf3j.core.fuzz;

/**
 * A fuzz input broke a reader's contract without crashing it: a message that is not one line
 * naming the file, a value the format forbids accepted silently, or a round trip that changed
 * something. An {@link AssertionError}, so the fuzzer and JUnit both report it as a finding.
 */
public final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** A violation described in one sentence. */
    public ContractViolation(String what) {
        super(what);
    }

    /** A violation caused by an exception the contract did not allow at that point. */
    public ContractViolation(String what, Throwable cause) {
        super(what, cause);
    }
}
