package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of the PCE modelled as an immutable record that loses nothing: members the record
 * does not model, and JSON {@code null}s the PCE sent for members it does model, are kept in
 * {@link #extra()} and written back unchanged, so a GET followed by a PUT never drops data. When
 * writing, a non-null record component always wins; a null component is written as whatever
 * {@code extra} holds for that name (the PCE's explicit {@code null}), or left out when
 * {@code extra} has nothing (the member was absent). JsonNode values are shared, not copied: treat
 * them as read-only.
 *
 * @param <T> the record type itself, for the copy methods
 */
public interface PceJsonObject<T extends PceJsonObject<T>> {

    /** Members not carried by a record component, in the PCE's order: unknown fields and explicit nulls. */
    Map<String, JsonNode> extra();

    /** A copy of this record with {@code extra} replaced. */
    T withExtra(Map<String, JsonNode> extra);

    /**
     * A copy with one member set in {@code extra}: a field the record does not model, or a JSON
     * {@code null} ({@code NullNode.instance}) for a modelled field whose component is null.
     */
    default T withExtraField(String name, JsonNode value) {
        Map<String, JsonNode> m = new LinkedHashMap<>(extra());
        m.put(name, value);
        return withExtra(m);
    }

    /** The members of {@link #extra()} that are written (those not shadowed by a non-null component). */
    @JsonAnyGetter
    default Map<String, JsonNode> jsonExtra() {
        return Extras.forWriting(this);
    }

    /** This record as a JSON tree, exactly as it would be sent to the PCE. */
    default ObjectNode toJson() {
        return PceJson.mapper().valueToTree(this);
    }
}
