package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How one org-level collection behaves: its href shape, the query parameters it filters on, the
 * defaults a created object gets, its validation, what must hold before a delete, and which of
 * create, update and delete the PCE allows on it.
 *
 * @param collection the collection name in the path ({@code labels}, {@code workloads}, ...)
 * @param numericIds whether ids are sequence numbers (else UUIDs)
 * @param defaults   the full shape of a new object; the request body is laid over it
 * @param validate   checks the merged object (the old one is null on create)
 * @param beforeDelete throws the PCE's error when the object may not be deleted
 */
record OrgKind(String collection, boolean numericIds, Filters filters, Supplier<ObjectNode> defaults,
               BiConsumer<ObjectNode, ObjectNode> validate, Consumer<ObjectNode> beforeDelete,
               boolean creatable, boolean updatable, boolean deletable) {
}
