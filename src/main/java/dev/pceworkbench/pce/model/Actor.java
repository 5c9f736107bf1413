package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One provider or consumer of a rule or enforcement boundary (also an iptables rule's actor):
 * exactly one of {@code {"actors": "ams"}} (all workloads), {@code label}, {@code label_group},
 * {@code workload}, {@code virtual_service}, {@code virtual_server}, {@code ip_list},
 * {@code container_workload} or {@code kubernetes_workload}, each a {@code {"href"}} reference.
 * Build actors with the factory methods; {@link #kind()} and {@link #ref()} read one back.
 */
@PceRecord
@Repeated
public record Actor(
        @JsonProperty("actors") String actors,
        @JsonProperty("label") Href label,
        @JsonProperty("label_group") Href labelGroup,
        @JsonProperty("workload") Href workload,
        @JsonProperty("virtual_service") Href virtualService,
        @JsonProperty("virtual_server") Href virtualServer,
        @JsonProperty("ip_list") Href ipList,
        @JsonProperty("container_workload") Href containerWorkload,
        @JsonProperty("kubernetes_workload") Href kubernetesWorkload,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<Actor> {

    /** The {@code actors} value meaning all managed workloads. */
    public static final String AMS = "ams";

    public Actor {
        extra = Extras.copy(extra);
    }

    /** {@code {"actors": "ams"}}: all workloads. */
    public static Actor allWorkloads() {
        return new Actor(AMS, null, null, null, null, null, null, null, null, null);
    }

    public static Actor label(String href) {
        return new Actor(null, Href.of(href), null, null, null, null, null, null, null, null);
    }

    public static Actor labelGroup(String href) {
        return new Actor(null, null, Href.of(href), null, null, null, null, null, null, null);
    }

    public static Actor workload(String href) {
        return new Actor(null, null, null, Href.of(href), null, null, null, null, null, null);
    }

    public static Actor virtualService(String href) {
        return new Actor(null, null, null, null, Href.of(href), null, null, null, null, null);
    }

    public static Actor virtualServer(String href) {
        return new Actor(null, null, null, null, null, Href.of(href), null, null, null, null);
    }

    public static Actor ipList(String href) {
        return new Actor(null, null, null, null, null, null, Href.of(href), null, null, null);
    }

    public static Actor containerWorkload(String href) {
        return new Actor(null, null, null, null, null, null, null, Href.of(href), null, null);
    }

    public static Actor kubernetesWorkload(String href) {
        return new Actor(null, null, null, null, null, null, null, null, Href.of(href), null);
    }

    /**
     * The JSON key that is set ({@code "actors"}, {@code "label"}, {@code "ip_list"}...), or null
     * for an actor of a kind this model does not know (then it is all in {@code extra}).
     */
    public String kind() {
        if (actors != null) {
            return "actors";
        }
        String[] keys = {"label", "label_group", "workload", "virtual_service", "virtual_server", "ip_list",
                "container_workload", "kubernetes_workload"};
        Href[] refs = refs();
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] != null) {
                return keys[i];
            }
        }
        return null;
    }

    /** The referenced object, or null for {@code actors} (and unknown kinds). */
    public Href ref() {
        for (Href r : refs()) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** Whether this is {@code {"actors": "ams"}}. */
    public boolean allWorkloadsActor() {
        return AMS.equals(actors);
    }

    private Href[] refs() {
        return new Href[]{label, labelGroup, workload, virtualService, virtualServer, ipList, containerWorkload,
                kubernetesWorkload};
    }

    @Override
    public Actor withExtra(Map<String, JsonNode> extra) {
        return new Actor(actors, label, labelGroup, workload, virtualService, virtualServer, ipList,
                containerWorkload, kubernetesWorkload, extra);
    }
}
