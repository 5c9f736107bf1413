package dev.pceworkbench.pce.api;

import dev.pceworkbench.pce.PceException;

/**
 * A traffic query that ended without results: {@code failed} (with the PCE's own message, when it
 * gave one), or {@code killed}/{@code cancelled} on the PCE.
 */
public final class TrafficQueryFailedException extends PceException {
    private final String href;
    private final String status;
    private final String pceMessage;

    public TrafficQueryFailedException(String href, String status, String pceMessage) {
        super("The traffic query " + href + " " + status + ": " + (pceMessage == null ? "no reason given" : pceMessage));
        this.href = href;
        this.status = status;
        this.pceMessage = pceMessage;
    }

    public String href() {
        return href;
    }

    /** The query's final status: {@code failed}, {@code killed} or {@code cancelled}. */
    public String status() {
        return status;
    }

    /** The PCE's message for the failure, or null when it gave none. */
    public String pceMessage() {
        return pceMessage;
    }
}
