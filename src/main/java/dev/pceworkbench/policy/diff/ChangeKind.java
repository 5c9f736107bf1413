package dev.pceworkbench.policy.diff;

/** What happened to an object between two policy versions, in the PCE's words for pending changes. */
public enum ChangeKind {
    ADDED("added", "create"), REMOVED("deleted", "delete"), MODIFIED("modified", "update");

    private final String word;
    private final String updateType;

    ChangeKind(String word, String updateType) {
        this.word = word;
        this.updateType = updateType;
    }

    /** "added", "deleted", "modified". */
    public String word() {
        return word;
    }

    /** The PCE's {@code update_type} for this change ({@code create}, {@code delete}, {@code update}). */
    public String updateType() {
        return updateType;
    }
}
