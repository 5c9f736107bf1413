package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of draft policy objects to provision, revert or check dependencies for, grouped by type as
 * the PCE's {@code change_subset} wants it: {@code {"rule_sets": [{"href": ...}], ...}}. Hrefs of
 * rules are taken as their rule set; active or numbered hrefs as the draft object; the security
 * settings ({@code .../firewall_settings}, no id) as {@code "firewall_settings": [{"href": ...}]}.
 */
public final class ChangeSubset {
    private static final Pattern POLICY = Pattern.compile("^(/orgs/\\d+/sec_policy/)(?:draft|active|\\d+)/([a-z_]+)/([^/]+)");
    /** The security settings: one object per version, no id. */
    private static final Pattern FIREWALL = Pattern.compile("^(/orgs/\\d+/sec_policy/)(?:draft|active|\\d+)/firewall_settings/?$");

    private final Map<String, Set<String>> byType = new LinkedHashMap<>();

    public static ChangeSubset of(Collection<?> refs) {
        ChangeSubset s = new ChangeSubset();
        refs.forEach(s::add);
        return s;
    }

    public static ChangeSubset of(Object... refs) {
        return of(List.of(refs));
    }

    /** Adds a draft policy object (href string, map with href, or record). */
    public ChangeSubset add(Object ref) {
        String href = Refs.href(ref);
        Matcher fw = FIREWALL.matcher(href);
        if (fw.find()) {
            byType.computeIfAbsent("firewall_settings", k -> new LinkedHashSet<>()).add(fw.group(1) + "draft/firewall_settings");
            return this;
        }
        Matcher m = POLICY.matcher(href);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a policy object href: " + href
                    + " (provisioning covers rule sets, IP lists, services, label groups, virtual services...)");
        }
        String draft = m.group(1) + "draft/" + m.group(2) + "/" + m.group(3);
        byType.computeIfAbsent(m.group(2), k -> new LinkedHashSet<>()).add(draft);
        return this;
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }

    public Map<String, Set<String>> byType() {
        return byType;
    }

    public ObjectNode toJson() {
        ObjectNode o = PceJson.mapper().createObjectNode();
        byType.forEach((type, hrefs) -> {
            var arr = o.putArray(type);
            hrefs.forEach(h -> arr.addObject().put("href", h));
        });
        return o;
    }
}
