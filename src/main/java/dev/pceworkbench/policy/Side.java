package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;

import java.util.List;

/**
 * One side (providers or consumers) of a rule or enforcement boundary, compiled. Label and
 * label-group actors are grouped by label key: an entity must carry a label of every key group
 * (labels of one key are alternatives, labels of different keys narrow each other, as in the PCE's
 * rule editor and the demo PCE). All Workloads, explicit workloads, virtual services and IP lists
 * are alternatives to that label combination and to each other. Ids are the {@link PolicyModel}'s.
 */
final class Side {
    final List<Actor> actors;
    final boolean ams;
    /** Sorted label ids per label key; a reference that does not resolve gives an empty group (matches nothing). */
    final int[][] keyGroups;
    final int[] workloads;
    final int[] virtualServices;
    final int[] ipLists;
    /** Literal actor keys for rule search: {@code ams}, {@code label:<href>}, {@code ip_list:<draft href>}... */
    final String[] keys;

    Side(List<Actor> actors, boolean ams, int[][] keyGroups, int[] workloads, int[] virtualServices, int[] ipLists,
         String[] keys) {
        this.actors = actors;
        this.ams = ams;
        this.keyGroups = keyGroups;
        this.workloads = workloads;
        this.virtualServices = virtualServices;
        this.ipLists = ipLists;
        this.keys = keys;
    }

    /** Whether an entity with these (sorted) labels carries a label of every key group; false without label actors. */
    boolean labelsMatch(int[] labels) {
        if (keyGroups.length == 0) {
            return false;
        }
        for (int[] g : keyGroups) {
            if (!Ints.intersects(g, labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether any IP list of this side has its bit set in {@code lists} (the lists holding an address). */
    boolean anyIpList(java.util.BitSet lists) {
        for (int l : ipLists) {
            if (lists.get(l)) {
                return true;
            }
        }
        return false;
    }
}
