package dev.pceworkbench.pce;

/** The caller cancelled the operation; the HTTP call was closed and any polling stopped. */
public class PceCancelledException extends PceException {
    public PceCancelledException(String message) {
        super(message);
    }
}
