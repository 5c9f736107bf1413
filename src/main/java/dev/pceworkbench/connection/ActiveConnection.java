package dev.pceworkbench.connection;

import dev.pceworkbench.pce.PceClient;

/**
 * The connection the workbench works on: its profile, the client, and what the status bar shows
 * (PCE version, org, whether TLS verification is off).
 */
public record ActiveConnection(ConnectionProfile profile, PceClient client, String pceVersion, boolean insecure) {
    public int orgId() {
        return client.settings().orgId();
    }

    /** "Demo PCE (embedded) — PCE 23.2.10, org 1". */
    public String summary() {
        return profile.name() + " — PCE " + (pceVersion == null ? "?" : pceVersion) + ", org " + orgId();
    }
}
