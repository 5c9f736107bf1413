package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

/**
 * The {@code agent} object of an unmanaged workload. A real PCE never sends {@code "agent": null}:
 * every workload has an agent object, and an unmanaged one has {@code "href": null} with an empty
 * {@code config}, {@code status} and {@code secure_connect}. Clients tell managed from unmanaged by
 * {@code agent.href}.
 */
public final class UnmanagedAgent {
    private UnmanagedAgent() {
    }

    /** A fresh node (callers may store or share it; nothing changes it afterwards). */
    public static ObjectNode node() {
        ObjectNode a = PceJson.mapper().createObjectNode();
        a.putObject("config");
        a.putNull("href");
        a.putObject("secure_connect");
        a.putObject("status");
        a.putNull("active_pce_fqdn");
        a.putNull("target_pce_fqdn");
        return a;
    }
}
