package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An IP list (a policy object, {@code /orgs/1/sec_policy/draft/ip_lists/<id>}): address ranges,
 * some of them exclusions, and FQDNs. The built-in {@code Any (0.0.0.0/0 and ::/0)} is one.
 */
@PceRecord
public record IpList(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("ip_ranges") List<IpRange> ipRanges,
        @JsonProperty("fqdns") List<Fqdn> fqdns,
        @Extra Map<String, JsonNode> extra) implements PceResource<IpList> {

    public IpList {
        ipRanges = Extras.list(ipRanges);
        fqdns = Extras.list(fqdns);
        extra = Extras.copy(extra);
    }

    public IpList withName(String name) {
        return new IpList(href, name, description, ipRanges, fqdns, extra);
    }

    public IpList withDescription(String description) {
        return new IpList(href, name, description, ipRanges, fqdns, extra);
    }

    public IpList withIpRanges(List<IpRange> ipRanges) {
        return new IpList(href, name, description, ipRanges, fqdns, extra);
    }

    public IpList withFqdns(List<Fqdn> fqdns) {
        return new IpList(href, name, description, ipRanges, fqdns, extra);
    }

    @Override
    public IpList withExtra(Map<String, JsonNode> extra) {
        return new IpList(href, name, description, ipRanges, fqdns, extra);
    }
}
