package dev.pceworkbench.ui.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.model.TrafficEndpointFilter;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.ui.common.policy.ActorOption;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One source or destination filter of the query builder, as the form holds it: what it names on
 * screen ({@link Name}, from {@code policy/names}) and what it sends to the PCE (a label, label
 * group, workload or IP list href, an IP address or CIDR block, or a transmission).
 */
public record EndpointFilter(Name name, TrafficEndpointFilter filter) {
    public EndpointFilter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(filter);
    }

    /** What the chips and summaries show. */
    public String text() {
        return name.display();
    }

    /** A label, label group, workload or IP list picked from the suggestions; empty for other kinds. */
    public static Optional<EndpointFilter> of(ActorOption o) {
        if (o.ip() != null) {
            return Optional.of(ip(o.ip()));
        }
        if (o.actor() == null || o.name().href() == null) {
            return Optional.empty();
        }
        String href = o.name().href();
        return switch (o.kind()) {
            case LABEL -> Optional.of(new EndpointFilter(o.name(), TrafficEndpointFilter.label(href)));
            case LABEL_GROUP -> Optional.of(new EndpointFilter(o.name(), TrafficEndpointFilter.labelGroup(href)));
            case WORKLOAD -> Optional.of(new EndpointFilter(o.name(), TrafficEndpointFilter.workload(href)));
            case IP_LIST -> Optional.of(new EndpointFilter(o.name(), TrafficEndpointFilter.ipList(href)));
            default -> Optional.empty();
        };
    }

    /** An IP address or CIDR block (checked by the caller). */
    public static EndpointFilter ip(String ip) {
        return new EndpointFilter(Names.ipAddress(ip), TrafficEndpointFilter.ipAddress(ip));
    }

    /** {@code broadcast} or {@code multicast} traffic. */
    public static EndpointFilter transmission(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        return new EndpointFilter(new Name(ObjectKind.IP_ADDRESS, null, k + " traffic", null),
                TrafficEndpointFilter.transmission(k));
    }

    /** A filter the PCE echoed back (an earlier query's parameters), named through {@code lookup}. */
    public static Optional<EndpointFilter> from(TrafficEndpointFilter f, NameLookup lookup) {
        if (f.label() != null) {
            return Optional.of(new EndpointFilter(Names.label(f.label(), lookup), strip(f)));
        }
        if (f.labelGroup() != null) {
            return Optional.of(new EndpointFilter(Names.labelGroup(f.labelGroup(), lookup), strip(f)));
        }
        if (f.workload() != null) {
            return Optional.of(new EndpointFilter(Names.workload(f.workload(), lookup), strip(f)));
        }
        if (f.ipList() != null) {
            return Optional.of(new EndpointFilter(Names.ipList(f.ipList(), lookup), strip(f)));
        }
        if (f.ipAddress() != null) {
            JsonNode ip = f.ipAddress();
            String text = ip.isTextual() ? ip.asText() : ip.path("value").asText("");
            return text.isEmpty() ? Optional.empty() : Optional.of(ip(text));
        }
        if (f.transmission() != null) {
            return Optional.of(transmission(f.transmission()));
        }
        return Optional.empty();
    }

    /** The reference alone (the PCE may echo names and values beside the href). */
    private static TrafficEndpointFilter strip(TrafficEndpointFilter f) {
        if (f.label() != null) {
            return TrafficEndpointFilter.label(f.label().href());
        }
        if (f.labelGroup() != null) {
            return TrafficEndpointFilter.labelGroup(f.labelGroup().href());
        }
        if (f.workload() != null) {
            return TrafficEndpointFilter.workload(f.workload().href());
        }
        return TrafficEndpointFilter.ipList(f.ipList().href());
    }

    @Override
    public String toString() {
        return text();
    }
}
