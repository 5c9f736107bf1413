package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.api.ContainerClustersApi;

/**
 * A new cluster's token while its one-time dialog is open: the cluster's name and the token, which
 * the dialog reads once ({@link #text()}) and which is wiped when the dialog closes. Never in a
 * {@link #toString()}.
 */
public final class TokenReveal {
    private final String clusterName;
    private final ContainerClustersApi.Token token;

    TokenReveal(String clusterName, ContainerClustersApi.Token token) {
        this.clusterName = clusterName;
        this.token = token;
    }

    public String clusterName() {
        return clusterName;
    }

    /** The token's text, for the dialog's field and the clipboard only. */
    public String text() {
        return token.reveal();
    }

    void wipe() {
        token.wipe();
    }

    @Override
    public String toString() {
        return "token of " + clusterName + " (hidden)";
    }
}
