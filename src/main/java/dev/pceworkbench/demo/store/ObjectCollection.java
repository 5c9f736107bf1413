package dev.pceworkbench.demo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** An org-level (unversioned) collection of objects keyed by href, in creation order. */
public final class ObjectCollection {
    private final String name;
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();

    public ObjectCollection(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ObjectNode get(String href) {
        return objects.get(href);
    }

    public void put(ObjectNode node) {
        objects.put(node.get("href").asText(), node);
    }

    public ObjectNode remove(String href) {
        return objects.remove(href);
    }

    public Collection<ObjectNode> all() {
        return objects.values();
    }

    public int size() {
        return objects.size();
    }
}
