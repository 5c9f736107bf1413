package dev.pceworkbench.pce.json;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * The failure of one part of a document read or written in parts on several threads (the
 * client's parallel parse, the demo PCE's datafiles written in pieces), thrown on as the part
 * threw it: an I/O error, a runtime exception or an error; anything else (a checked exception no
 * part declares) as an I/O error that says what failed.
 */
public final class PartFailure {
    private PartFailure() {
    }

    /**
     * Throws the cause of {@code e}.
     *
     * @param failing what failed, for the one case that needs a message ("Cannot read rule sets")
     * @return never; declared so that a caller can write {@code throw PartFailure.rethrow(...)}
     */
    public static IOException rethrow(ExecutionException e, String failing) throws IOException {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IOException(failing + ": " + cause, cause);
    }
}
