package dev.pceworkbench.workspace;

/**
 * There is no active connection yet (the workbench is still connecting at start-up, or the user
 * has not chosen a PCE). Views show the message in place and load when a connection arrives (the
 * workspace tells its listeners), rather than raising an error dialog.
 */
public final class NotConnectedException extends IllegalStateException {
    public NotConnectedException() {
        super("Not connected to a PCE: choose a connection in the Connections view first.");
    }
}
