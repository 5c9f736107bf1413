package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * A top-level PCE object addressed by its {@code href} (label, rule set, workload, job...). The
 * server-managed metadata that most records do not model as components ({@code created_at},
 * {@code updated_by}, {@code update_type}, {@code caps}...) stays verbatim in {@link #extra()} and is
 * read through the typed accessors here; records that model one of them as a component override the
 * accessor. {@link #updateBody(String...)} builds the body of a partial update (PUT).
 *
 * @param <T> the record type itself
 */
public interface PceResource<T extends PceResource<T>> extends PceJsonObject<T> {

    /** Members the PCE manages itself, which a PUT body leaves out. */
    Set<String> SERVER_MANAGED = Set.of("href", "created_at", "created_by", "updated_at", "updated_by",
            "deleted_at", "deleted_by", "update_type", "caps", "deleted");

    /** The object's href, e.g. {@code /orgs/1/sec_policy/draft/rule_sets/3}; null before creation. */
    String href();

    /** {@code created_at}, as the PCE wrote it (e.g. {@code 2022-06-23T20:53:57.885Z}). */
    default String createdAt() {
        return Extras.text(extra(), "created_at");
    }

    /** {@code created_by}: usually {@code {"href": "/users/1"}}. */
    default Href createdBy() {
        return Extras.ref(extra(), "created_by");
    }

    /** {@code updated_at}, as the PCE wrote it. */
    default String updatedAt() {
        return Extras.text(extra(), "updated_at");
    }

    /** {@code updated_by}. */
    default Href updatedBy() {
        return Extras.ref(extra(), "updated_by");
    }

    /** {@code deleted_at}, or null. */
    default String deletedAt() {
        return Extras.text(extra(), "deleted_at");
    }

    /** {@code deleted_by}, or null. */
    default Href deletedBy() {
        return Extras.ref(extra(), "deleted_by");
    }

    /** For draft policy objects: {@code create}, {@code update}, {@code delete}, or null when unchanged. */
    default String updateType() {
        return Extras.text(extra(), "update_type");
    }

    /**
     * A draft policy object marked {@code update_type: delete}: the draft lists it until it is
     * provisioned, but the draft policy no longer has it.
     */
    default boolean pendingDeletion() {
        return "delete".equals(updateType());
    }

    /** What the caller may do with the object ({@code write}, {@code provision}...), or null. */
    default List<String> caps() {
        return Extras.strings(extra(), "caps");
    }

    /** {@code external_data_set}, or null. */
    default String externalDataSet() {
        return Extras.text(extra(), "external_data_set");
    }

    /** {@code external_data_reference}, or null. */
    default String externalDataReference() {
        return Extras.text(extra(), "external_data_reference");
    }

    /**
     * The body of a partial update (PUT): this object as JSON without the {@link #SERVER_MANAGED}
     * members and without {@code alsoOmit} (e.g. {@code "rules"} to change only a rule set's own
     * fields). Unknown members are kept, so nothing the PCE sent is dropped.
     */
    default ObjectNode updateBody(String... alsoOmit) {
        ObjectNode body = toJson();
        body.remove(SERVER_MANAGED);
        body.remove(List.of(alsoOmit));
        return body;
    }
}
