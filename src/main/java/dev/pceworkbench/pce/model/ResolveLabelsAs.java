package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A rule's {@code resolve_labels_as}: what the label actors on each side resolve to,
 * {@code "workloads"} and/or {@code "virtual_services"}.
 */
@PceRecord
@Repeated
public record ResolveLabelsAs(
        @JsonProperty("providers") List<String> providers,
        @JsonProperty("consumers") List<String> consumers,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<ResolveLabelsAs> {

    public static final String WORKLOADS = "workloads";
    public static final String VIRTUAL_SERVICES = "virtual_services";

    public ResolveLabelsAs {
        providers = Extras.list(providers);
        consumers = Extras.list(consumers);
        extra = Extras.copy(extra);
    }

    /** Both sides resolve to workloads, the PCE's default. */
    public static ResolveLabelsAs workloads() {
        return new ResolveLabelsAs(List.of(WORKLOADS), List.of(WORKLOADS), null);
    }

    @Override
    public ResolveLabelsAs withExtra(Map<String, JsonNode> extra) {
        return new ResolveLabelsAs(providers, consumers, extra);
    }
}
