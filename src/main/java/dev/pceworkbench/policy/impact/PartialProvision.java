package dev.pceworkbench.policy.impact;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PceResource;
import dev.pceworkbench.policy.PolicyData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy as it would be after provisioning only some of the pending changes: the active
 * version with the chosen objects taken from the draft (a new or changed object as the draft has
 * it, a deleted one gone) and every other object left as it is active. This is what the impact of
 * a selection is worked out against, so that a change the user did not select cannot move a
 * decision. Objects are matched by their href without its version segment; workloads, labels and
 * service bindings are not versioned and are the draft's. Pure.
 */
public final class PartialProvision {
    private PartialProvision() {
    }

    /**
     * @param chosen the hrefs of the changes to provision, in any version ({@code .../draft/...},
     *               {@code .../active/...}); a rule's href stands for its rule set, as on the PCE
     */
    public static PolicyData of(PolicyData active, PolicyData draft, Set<String> chosen) {
        Set<String> keys = new java.util.HashSet<>();
        for (String h : chosen) {
            String n = Hrefs.neutral(h);
            int rules = n.indexOf("/sec_rules/");
            keys.add(rules >= 0 ? n.substring(0, rules) : n);
        }
        return new PolicyData("draft (selected changes)",
                merge(active.ruleSets(), draft.ruleSets(), keys),
                draft.labels(), merge(active.labelGroups(), draft.labelGroups(), keys),
                draft.workloads(), merge(active.ipLists(), draft.ipLists(), keys),
                merge(active.services(), draft.services(), keys),
                merge(active.virtualServices(), draft.virtualServices(), keys),
                draft.serviceBindings(),
                merge(active.enforcementBoundaries(), draft.enforcementBoundaries(), keys));
    }

    /** Active's objects in their order, the chosen ones replaced or dropped, then the chosen new ones. */
    private static <T extends PceResource<T>> List<T> merge(List<T> active, List<T> draft, Set<String> keys) {
        Map<String, T> fromDraft = new LinkedHashMap<>();
        for (T d : draft) {
            String k = d.href() == null ? null : Hrefs.neutral(d.href());
            if (k != null && keys.contains(k)) {
                fromDraft.put(k, d);
            }
        }
        List<T> out = new ArrayList<>(active.size() + fromDraft.size());
        for (T a : active) {
            String k = a.href() == null ? null : Hrefs.neutral(a.href());
            if (k == null || !keys.contains(k)) {
                out.add(a);
                continue;
            }
            T d = fromDraft.remove(k);
            if (d != null && !d.pendingDeletion()) {
                out.add(d);
            } // else: deleted in the draft (or gone from it), so gone once provisioned
        }
        for (T d : fromDraft.values()) {
            if (!d.pendingDeletion()) {
                out.add(d); // new in the draft
            }
        }
        return out;
    }
}
