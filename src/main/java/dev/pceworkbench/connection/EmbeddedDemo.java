package dev.pceworkbench.connection;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The in-process demo PCE behind the "Demo PCE (embedded)" profile: started on first use over
 * HTTPS on a free loopback port with a fresh CA that only that profile trusts, and stopped with
 * the app.
 */
public final class EmbeddedDemo implements AutoCloseable {
    private final DemoPceOptions options;
    private DemoPce pce;

    public EmbeddedDemo(DemoPceOptions options) {
        this.options = options;
    }

    public static EmbeddedDemo defaults() {
        return new EmbeddedDemo(DemoPceOptions.defaults());
    }

    /** The running demo PCE, started now if it is not yet running. */
    public synchronized DemoPce pce() {
        if (pce == null) {
            try {
                pce = DemoPce.start(options);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded demo PCE: " + e.getMessage(), e);
            }
        }
        return pce;
    }

    public synchronized boolean running() {
        return pce != null;
    }

    @Override
    public synchronized void close() {
        if (pce != null) {
            pce.close();
            pce = null;
        }
    }
}
