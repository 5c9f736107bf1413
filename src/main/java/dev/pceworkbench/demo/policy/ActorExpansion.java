package dev.pceworkbench.demo.policy;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Actors as comparable keys ({@code label:/orgs/1/labels/3}, {@code ams}...) and their deep
 * expansion for rule search: the actors a rule may name that cover the searched one. A label is
 * covered by label groups containing it (through sub-groups too) and by All Workloads; a label
 * group by the groups that contain it and by All Workloads; a workload by its own labels and what
 * covers them. IP lists and virtual services expand to themselves.
 */
final class ActorExpansion {
    private final DemoState state;
    private final PolicySnapshot snap;
    /** Label group (draft href) → every label and group it contains, recursively. */
    private Map<String, Set<String>> closure;

    ActorExpansion(DemoState state, PolicySnapshot snap) {
        this.state = state;
        this.snap = snap;
    }

    /** The key of one actor node; policy hrefs in draft form. */
    static String key(JsonNode actor) {
        if (actor.has("actors")) {
            return "ams";
        }
        String kind = actor.fieldNames().hasNext() ? actor.fieldNames().next() : "";
        return kind + ":" + PolicyHrefs.toDraft(actor.path(kind).path("href").asText());
    }

    /** The keys a rule actor may have to match any of {@code actors}; null when there is no criterion. */
    Set<String> all(JsonNode actors, boolean deep) {
        if (actors == null || actors.isNull()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : actors) {
            String k = key(a);
            out.add(k);
            if (deep) {
                expand(k, out);
            }
        }
        return out;
    }

    private void expand(String key, Set<String> out) {
        if (key.startsWith("label:") || key.startsWith("label_group:")) {
            out.add("ams");
            out.addAll(containing(key));
        } else if (key.startsWith("workload:")) {
            out.add("ams");
            ObjectNode w = state.collection("workloads").get(key.substring("workload:".length()));
            if (w != null) {
                for (JsonNode l : w.path("labels")) {
                    String lk = "label:" + l.path("href").asText();
                    out.add(lk);
                    out.addAll(containing(lk));
                }
            }
        }
    }

    /** Keys of the label groups that contain {@code member} (a label or label group key). */
    private Set<String> containing(String member) {
        if (closure == null) {
            closure = new HashMap<>();
            for (String g : snap.of(PolicyType.LABEL_GROUPS).keySet()) {
                Set<String> members = new HashSet<>();
                collect(g, members, new HashSet<>());
                closure.put(g, members);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        closure.forEach((g, members) -> {
            if (members.contains(member)) {
                out.add("label_group:" + g);
            }
        });
        return out;
    }

    private void collect(String group, Set<String> out, Set<String> seen) {
        if (!seen.add(group)) {
            return;
        }
        ObjectNode g = snap.of(PolicyType.LABEL_GROUPS).get(group);
        if (g == null) {
            return;
        }
        for (JsonNode l : g.path("labels")) {
            out.add("label:" + l.path("href").asText());
        }
        for (JsonNode s : g.path("sub_groups")) {
            String sub = PolicyHrefs.toDraft(s.path("href").asText());
            out.add("label_group:" + sub);
            collect(sub, out, seen);
        }
    }
}
