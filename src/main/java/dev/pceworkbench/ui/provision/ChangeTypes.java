package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PCE's provisionable object types ({@code rule_sets}, {@code ip_lists}...) as the Provision
 * view writes them, in the order it lists them, and the PCE's {@code update_type} as a change kind.
 */
final class ChangeTypes {
    /** The order of the groups: rule sets first (what admins provision most), then what rules use. */
    static final List<String> ORDER = List.of("rule_sets", "ip_lists", "services", "label_groups", "virtual_services",
            "enforcement_boundaries", "virtual_servers", "secure_connect_gateways", "firewall_settings");

    /** The types whose objects the diff engine compares field by field. */
    static final java.util.Set<String> DIFFED = java.util.Set.of("rule_sets", "ip_lists", "services", "label_groups",
            "virtual_services", "enforcement_boundaries");

    private static final Map<String, String[]> WORDS = Map.of(
            "rule_sets", new String[]{ObjectKind.RULE_SET.singular(), ObjectKind.RULE_SET.plural()},
            "ip_lists", new String[]{ObjectKind.IP_LIST.singular(), ObjectKind.IP_LIST.plural()},
            "services", new String[]{ObjectKind.SERVICE.singular(), ObjectKind.SERVICE.plural()},
            "label_groups", new String[]{ObjectKind.LABEL_GROUP.singular(), ObjectKind.LABEL_GROUP.plural()},
            "virtual_services", new String[]{ObjectKind.VIRTUAL_SERVICE.singular(), ObjectKind.VIRTUAL_SERVICE.plural()},
            "enforcement_boundaries", new String[]{ObjectKind.ENFORCEMENT_BOUNDARY.singular(), ObjectKind.ENFORCEMENT_BOUNDARY.plural()},
            "virtual_servers", new String[]{"virtual server", "virtual servers"},
            "secure_connect_gateways", new String[]{"secure connect gateway", "secure connect gateways"},
            "firewall_settings", new String[]{"firewall settings", "firewall settings"});

    private ChangeTypes() {
    }

    /** "rule set", or the type itself with spaces for a type this version does not know. */
    static String singular(String type) {
        String[] w = WORDS.get(type);
        return w != null ? w[0] : type.replace('_', ' ');
    }

    static String plural(String type) {
        String[] w = WORDS.get(type);
        return w != null ? w[1] : type.replace('_', ' ');
    }

    /** "Rule sets": a group's heading. */
    static String heading(String type) {
        String p = plural(type);
        return p.isEmpty() ? p : p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1);
    }

    /** "1 rule set", "3 IP lists". */
    static String count(String type, int n) {
        return n + " " + (n == 1 ? singular(type) : plural(type));
    }

    /** Where {@code type} sorts among the groups. */
    static int rank(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }

    /** The type of a policy object's href ("ip_lists"), or null. */
    static String typeOf(String href) {
        if (href == null) {
            return null;
        }
        // A policy's singleton has no id: ".../sec_policy/3/firewall_settings" is of type firewall_settings.
        String last = href.substring(href.lastIndexOf('/') + 1);
        return WORDS.containsKey(last) ? last : Hrefs.collection(href);
    }

    /** The PCE's {@code update_type} (create, update, delete) as a change; modified when it is something else. */
    static ChangeKind kind(String updateType) {
        if ("create".equals(updateType)) {
            return ChangeKind.ADDED;
        }
        if ("delete".equals(updateType)) {
            return ChangeKind.REMOVED;
        }
        return ChangeKind.MODIFIED;
    }

    /** "Added", "Modified", "Deleted". */
    static String word(ChangeKind k) {
        String w = k.word();
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
