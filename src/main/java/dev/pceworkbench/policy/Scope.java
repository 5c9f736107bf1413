package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.ScopeEntry;

import java.util.List;

/**
 * One scope of a rule set, compiled: the entity must carry a label of every included key group
 * (labels and label groups of one key are alternatives) and none of the excluded labels
 * ({@code "exclusion": true} entries, through label groups too). No entries: the global scope.
 */
final class Scope {
    final int index;
    final List<ScopeEntry> entries;
    final int[][] include;
    final int[] exclude;

    Scope(int index, List<ScopeEntry> entries, int[][] include, int[] exclude) {
        this.index = index;
        this.entries = entries;
        this.include = include;
        this.exclude = exclude;
    }

    boolean contains(int[] labels) {
        for (int[] g : include) {
            if (!Ints.intersects(g, labels)) {
                return false;
            }
        }
        return exclude.length == 0 || !Ints.intersects(exclude, labels);
    }
}
