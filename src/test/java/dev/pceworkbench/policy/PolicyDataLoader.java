package dev.pceworkbench.policy;

import dev.pceworkbench.pce.PceClient;

import java.util.Map;

/**
 * Loads one policy version's records through the client, as the app will: the version's policy
 * objects and the org's labels, workloads and service bindings. Lives with the tests (and is used
 * by the benchmarks) because the engine itself never calls the PCE.
 */
public final class PolicyDataLoader {
    private PolicyDataLoader() {
    }

    public static PolicyData load(PceClient client, String version) {
        return PolicyData.empty(version)
                .withRuleSets(client.ruleSets().list(version, Map.of()))
                .withLabelGroups(client.labelGroups().list(version, Map.of()))
                .withIpLists(client.ipLists().list(version, Map.of()))
                .withServices(client.services().list(version, Map.of()))
                .withVirtualServices(client.virtualServices().list(version, Map.of()))
                .withEnforcementBoundaries(client.enforcementBoundaries().list(version, Map.of()))
                .withLabels(client.labels().list(Map.of()))
                .withWorkloads(client.workloads().list(Map.of()))
                .withServiceBindings(client.serviceBindings().list(Map.of()));
    }
}
