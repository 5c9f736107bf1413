package dev.pceworkbench.demo.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * The provisionable policy object types, in the PCE's own collection names. Firewall settings are
 * a singleton: one object per policy version at {@code /orgs/1/sec_policy/draft/firewall_settings},
 * with no id segment, listed in {@code sec_policy/pending} as one object rather than a list.
 */
public enum PolicyType {
    LABEL_GROUPS("label_groups", false, false),
    IP_LISTS("ip_lists", true, false),
    SERVICES("services", true, false),
    VIRTUAL_SERVICES("virtual_services", false, false),
    RULE_SETS("rule_sets", true, false),
    ENFORCEMENT_BOUNDARIES("enforcement_boundaries", true, false),
    FIREWALL_SETTINGS("firewall_settings", false, true);

    private final String collection;
    private final boolean numericIds;
    private final boolean singleton;

    PolicyType(String collection, boolean numericIds, boolean singleton) {
        this.collection = collection;
        this.numericIds = numericIds;
        this.singleton = singleton;
    }

    /** Whether the type has exactly one object per policy version, addressed without an id. */
    public boolean singleton() {
        return singleton;
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
        // ["", "orgs", "1", "sec_policy", "draft", "<collection>", "<id>", ...]; singletons have no id
        if (parts.length < 6 || !"sec_policy".equals(parts[3])) {
            return Optional.empty();
        }
        Optional<PolicyType> t = fromCollection(parts[5]);
        return t.filter(type -> type.singleton ? parts.length == 6 : parts.length >= 7);
    }
}
