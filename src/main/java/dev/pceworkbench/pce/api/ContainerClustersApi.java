package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Container clusters and their container workload profiles ({@code /orgs/1/container_clusters},
 * {@code .../container_workload_profiles}). The {@code container_cluster_token} Kubelink pairs
 * with is in the create's answer only: {@link #create} hands it back as a {@link Token}, apart
 * from the cluster (which never carries it), so that no record, list or log line ever holds it.
 */
public final class ContainerClustersApi {
    /** The member of the create's answer that holds the token. */
    public static final String TOKEN_FIELD = "container_cluster_token";

    private final PceClient client;

    public ContainerClustersApi(PceClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * A cluster's pairing token, as the create answered it. Its {@link #toString()} never shows it;
     * {@link #wipe()} overwrites it once it has been shown.
     */
    public static final class Token {
        private final char[] value;
        private volatile boolean wiped;

        public Token(char[] value) {
            this.value = value.clone();
        }

        /** The token's text; callers show it once and must not log or store it. */
        public String reveal() {
            if (wiped) {
                throw new IllegalStateException("The container cluster token has been wiped");
            }
            return new String(value);
        }

        public boolean wiped() {
            return wiped;
        }

        /** Overwrites the token in memory. */
        public void wipe() {
            Arrays.fill(value, '\0');
            wiped = true;
        }

        @Override
        public String toString() {
            return "container cluster token (hidden)";
        }
    }

    /** A created cluster (without its token) and the token, shown once. */
    public record Created(ContainerCluster cluster, Token token) {
    }

    public List<ContainerCluster> list(CancellationToken token, Progress.Listener progress) {
        return client.containerClusters().list(Map.of(), token, progress).stream()
                .map(ContainerClustersApi::withoutToken).toList();
    }

    public ContainerCluster get(String href, CancellationToken token) {
        return withoutToken(client.containerClusters().get(href, token));
    }

    /** Creates a cluster; the answer's token is taken out of the cluster and handed back on its own. */
    public Created create(String name, String description, CancellationToken token) {
        String path = client.containerClusters().collectionPath();
        JsonNode answer = client.transport().send(PceRequest.of("POST", path)
                .withBody(ObjectApi.bodyBytes(ContainerCluster.of(name, description))), token).json();
        if (!(answer instanceof ObjectNode o)) {
            throw new PceException("The PCE answered the creation of container cluster '" + name + "' without the cluster");
        }
        JsonNode t = o.remove(TOKEN_FIELD);
        ContainerCluster cluster = read(o, ContainerCluster.class);
        if (t == null || !t.isTextual() || t.asText().isEmpty()) {
            throw new PceException("The PCE created container cluster " + cluster.href()
                    + " but did not answer its container_cluster_token");
        }
        return new Created(cluster, new Token(t.asText().toCharArray()));
    }

    /** Changes a cluster's name and description. */
    public void update(String href, String name, String description, CancellationToken token) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.put("name", name);
        body.put("description", description == null ? "" : description);
        client.containerClusters().update(href, body, token);
    }

    public void delete(String href, CancellationToken token) {
        client.containerClusters().delete(href, token);
    }

    public List<ContainerWorkloadProfile> profiles(String clusterHref, CancellationToken token, Progress.Listener progress) {
        return client.containerWorkloadProfiles(clusterHref).list(Map.of(), token, progress);
    }

    /** Creates a profile in {@code clusterHref} from {@code profile}'s writable fields. */
    public ContainerWorkloadProfile createProfile(String clusterHref, ContainerWorkloadProfile profile,
                                                  CancellationToken token) {
        return client.containerWorkloadProfiles(clusterHref).create(profileBody(profile, true), token);
    }

    /** Changes a profile's name, description, managed, enforcement mode and labels (not its namespace). */
    public void updateProfile(ContainerWorkloadProfile profile, CancellationToken token) {
        client.containerWorkloadProfiles(clusterOf(profile.href())).update(profile.href(), profileBody(profile, false), token);
    }

    public void deleteProfile(String href, CancellationToken token) {
        client.containerWorkloadProfiles(clusterOf(href)).delete(href, token);
    }

    /** The cluster href a profile href belongs to. */
    public static String clusterOf(String profileHref) {
        int cut = profileHref.indexOf("/container_workload_profiles");
        if (cut < 0) {
            throw new IllegalArgumentException("Not a container workload profile: " + profileHref);
        }
        return profileHref.substring(0, cut);
    }

    /**
     * The writable fields: labels as {@code [{key, assignment: {href}} | {key, restriction: [{href}]}]}
     * (bare references; the PCE adds the values), and the namespace only on create.
     */
    static ObjectNode profileBody(ContainerWorkloadProfile p, boolean create) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        if (p.name() != null) {
            body.put("name", p.name());
        }
        if (create && p.namespace() != null) {
            body.put("namespace", p.namespace());
        }
        body.put("description", p.description() == null ? "" : p.description());
        if (p.enforcementMode() != null) {
            body.put("enforcement_mode", p.enforcementMode());
        }
        if (p.managed() != null) {
            body.put("managed", p.managed());
        }
        var labels = body.putArray("labels");
        for (ContainerWorkloadProfile.LabelRule r : p.labels() == null ? List.<ContainerWorkloadProfile.LabelRule>of() : p.labels()) {
            ObjectNode rule = labels.addObject().put("key", r.key());
            if (r.assignment() != null) {
                rule.putObject("assignment").put("href", r.assignment().href());
            } else {
                var restriction = rule.putArray("restriction");
                Objects.requireNonNullElse(r.restriction(), List.<dev.pceworkbench.pce.model.Href>of()).forEach(h -> restriction.addObject().put("href", h.href()));
            }
        }
        return body;
    }

    private static ContainerCluster withoutToken(ContainerCluster c) {
        return c.containerClusterToken() == null ? c : c.withoutToken();
    }

    private static <T> T read(JsonNode n, Class<T> type) {
        try {
            return PceJson.mapper().treeToValue(n, type);
        } catch (IOException e) {
            throw new PceException("Cannot read " + type.getSimpleName() + " from the PCE's answer: " + e.getMessage(), e);
        }
    }
}
