package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One item of a rule's {@code ingress_services} (also enforcement boundaries, rule search): either
 * a reference to a service, {@code {"href": "/orgs/1/sec_policy/draft/services/7"}}, or an inline
 * port, {@code {"port": 443, "to_port": 444, "proto": 6}} ({@code proto} -1 for any; rule search
 * also takes {@code process_name} / {@code service_name}).
 */
@PceRecord
@Repeated
public record IngressService(
        @JsonProperty("href") String href,
        @JsonProperty("port") Integer port,
        @JsonProperty("to_port") Integer toPort,
        @JsonProperty("proto") Integer proto,
        @JsonProperty("process_name") String processName,
        @JsonProperty("service_name") String serviceName,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<IngressService> {

    public IngressService {
        extra = Extras.copy(extra);
    }

    /** A reference to a service object. */
    public static IngressService service(String href) {
        return new IngressService(href, null, null, null, null, null, null);
    }

    /** One port, e.g. {@code port(443, 6)} for TCP 443. */
    public static IngressService port(int port, int proto) {
        return new IngressService(null, port, null, proto, null, null, null);
    }

    /** A port range, {@code port} to {@code toPort} inclusive. */
    public static IngressService range(int port, int toPort, int proto) {
        return new IngressService(null, port, toPort, proto, null, null, null);
    }

    /** Whether this item refers to a service object rather than an inline port. */
    public boolean serviceRef() {
        return href != null;
    }

    @Override
    public IngressService withExtra(Map<String, JsonNode> extra) {
        return new IngressService(href, port, toPort, proto, processName, serviceName, extra);
    }
}
