package dev.pceworkbench.demo.store;

import java.util.Arrays;
import java.util.Optional;

/** The provisionable policy object types, in the PCE's own collection names. */
public enum PolicyType {
    LABEL_GROUPS("label_groups", false),
    IP_LISTS("ip_lists", true),
    SERVICES("services", true),
    VIRTUAL_SERVICES("virtual_services", false),
    RULE_SETS("rule_sets", true),
    ENFORCEMENT_BOUNDARIES("enforcement_boundaries", true);

    private final String collection;
    private final boolean numericIds;

    PolicyType(String collection, boolean numericIds) {
        this.collection = collection;
        this.numericIds = numericIds;
    }

    public String collection() {
        return collection;
    }

    public boolean numericIds() {
        return numericIds;
    }

    public static Optional<PolicyType> fromCollection(String name) {
        return Arrays.stream(values()).filter(t -> t.collection.equals(name)).findFirst();
    }

    /** The type of a policy href such as {@code /orgs/1/sec_policy/draft/ip_lists/3}, if it is one. */
    public static Optional<PolicyType> ofHref(String href) {
        if (href == null) {
            return Optional.empty();
        }
        String[] parts = href.split("/");
        // ["", "orgs", "1", "sec_policy", "draft", "<collection>", "<id>", ...]
        if (parts.length < 7 || !"sec_policy".equals(parts[3])) {
            return Optional.empty();
        }
        return fromCollection(parts[5]);
    }
}
