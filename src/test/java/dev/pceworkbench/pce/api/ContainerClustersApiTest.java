package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile.LabelRule;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container clusters and their workload profiles over HTTPS against the demo PCE: the token is in
 * the create's answer only (never in the cluster record, a later GET or the list), and profiles
 * are created, read, relabelled (assignment and restriction) and deleted as the PCE keeps them.
 */
class ContainerClustersApiTest {
    static DemoPce pce;
    static PceClient client;
    static ContainerClustersApi api;
    static final CancellationToken T = CancellationToken.none();

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        api = new ContainerClustersApi(client);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static Label label(String key) {
        return client.labels().list(Map.of("key", key)).get(0);
    }

    @Test
    void theTokenIsInTheCreatesAnswerOnly() {
        ContainerClustersApi.Created created = api.create("CC-API-Token", "made by the test", T);
        String token = created.token().reveal();
        assertTrue(token.startsWith("1_") && token.length() > 40, "the PCE's token: org id, then random hex");
        assertNull(created.cluster().containerClusterToken(), "the cluster record never carries it");
        assertFalse(created.cluster().toString().contains(token));
        assertFalse(created.token().toString().contains(token));
        assertEquals("CC-API-Token", created.cluster().name());
        assertEquals(Boolean.FALSE, created.cluster().online(), "a new cluster has not connected yet");

        JsonNode again = client.raw().object(created.cluster().href(), T);
        assertFalse(again.has(ContainerClustersApi.TOKEN_FIELD), again.toString());
        assertFalse(again.toString().contains(token));
        List<ContainerCluster> all = api.list(T, Progress.Listener.NONE);
        assertTrue(all.stream().anyMatch(c -> c.href().equals(created.cluster().href())));
        String listed = client.raw().get("/container_clusters", true, Map.of(), T).json().toString();
        assertFalse(listed.contains(token), "the list does not show it either");

        created.token().wipe();
        assertTrue(created.token().wiped());
        assertThrows(IllegalStateException.class, () -> created.token().reveal());

        PceApiException dup = assertThrows(PceApiException.class, () -> api.create("CC-API-Token", "", T));
        assertEquals(406, dup.status());
        api.delete(created.cluster().href(), T);
        assertThrows(PceApiException.class, () -> api.get(created.cluster().href(), T));
    }

    @Test
    void profilesAreCreatedRelabelledAndDeleted() {
        String cluster = api.create("CC-API-Profiles", "", T).cluster().href();
        Label app = label("app");
        Label env = label("env");
        List<Label> envs = client.labels().list(Map.of("key", "env"));
        ContainerWorkloadProfile wanted = new ContainerWorkloadProfile(null, "Payments pods", "payments", "PCI",
                "visibility_only", null, true, null, null,
                List.of(new LabelRule("app", Href.of(app.href()), null, null)), null);
        ContainerWorkloadProfile made = api.createProfile(cluster, wanted, T);
        assertTrue(made.href().startsWith(cluster + "/container_workload_profiles/"), made.href());
        assertEquals("payments", made.namespace());
        assertEquals("visibility_only", made.enforcementMode());
        assertEquals(Boolean.TRUE, made.managed());
        assertEquals(cluster, ContainerClustersApi.clusterOf(made.href()));

        // app assigned, env restricted to two labels, enforcement full.
        ContainerWorkloadProfile edited = made.withEnforcementMode("full").withLabels(List.of(
                new LabelRule("app", Href.of(app.href()), null, null),
                new LabelRule("env", null, List.of(Href.of(envs.get(0).href()), Href.of(envs.get(1).href())), null)));
        api.updateProfile(edited, T);
        ContainerWorkloadProfile read = api.profiles(cluster, T, Progress.Listener.NONE).get(0);
        assertEquals("full", read.enforcementMode());
        assertEquals("payments", read.namespace(), "the namespace stays");
        assertEquals(2, read.labels().size());
        LabelRule envRule = read.labels().stream().filter(r -> r.key().equals("env")).findFirst().orElseThrow();
        assertNull(envRule.assignment());
        assertEquals(List.of(envs.get(0).href(), envs.get(1).href()), envRule.restriction().stream().map(Href::href).toList());

        // A label of another key, and a second profile for the same namespace, are refused by the PCE.
        PceApiException wrongKey = assertThrows(PceApiException.class, () -> api.updateProfile(made.withLabels(List.of(
                new LabelRule("app", Href.of(env.href()), null, null))), T));
        assertEquals(406, wrongKey.status());
        assertTrue(wrongKey.getMessage().contains("not 'app'"), wrongKey.getMessage());
        PceApiException sameNamespace = assertThrows(PceApiException.class, () -> api.createProfile(cluster, wanted, T));
        assertTrue(sameNamespace.getMessage().contains("payments"), sameNamespace.getMessage());
        PceApiException selective = assertThrows(PceApiException.class, () -> api.updateProfile(made.withEnforcementMode("strict"), T));
        assertTrue(selective.getMessage().contains("enforcement_mode"), selective.getMessage());

        api.deleteProfile(made.href(), T);
        assertTrue(api.profiles(cluster, T, Progress.Listener.NONE).isEmpty());
        api.delete(cluster, T);
    }
}
