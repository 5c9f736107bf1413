package dev.pceworkbench.demo.api;

import java.util.Locale;

/**
 * Answer shapes that differ between PCE versions, switchable at run time so that tests (and
 * demos) can show a client every shape it must read. Defaults: dependencies as a list of
 * {@code {dependency, required_by}}, {@code object_counts} as a per-type object.
 * Set from a spec such as {@code dependencies=by_type,object_counts=integer} or with the setters.
 */
public final class ApiVariants {
    /** How {@code POST sec_policy/draft/dependencies} answers. */
    public enum DependencyShape {
        /** {@code [{"dependency": {type: {href}}, "required_by": {type: [{href}]}}]}. */
        LIST,
        /** {@code {type: [{"href": ..., "required_by": {type: [{href}]}}]}}, like a change subset. */
        BY_TYPE
    }

    /** How a policy version's {@code object_counts} is written. */
    public enum ObjectCountsShape {
        /** {@code {"rule_sets": 41, "ip_lists": 17, ...}}. */
        BY_TYPE,
        /** One integer: the total over every type. */
        INTEGER
    }

    private volatile DependencyShape dependencies = DependencyShape.LIST;
    private volatile ObjectCountsShape objectCounts = ObjectCountsShape.BY_TYPE;

    /** Parses a spec; null, blank or {@code default} keeps the defaults. */
    public static ApiVariants parse(String spec) {
        ApiVariants v = new ApiVariants();
        if (spec == null || spec.isBlank() || spec.equals("default")) {
            return v;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Variant '" + part + "' must be NAME=VALUE");
            }
            String value = kv[1].trim().toUpperCase(Locale.ROOT);
            try {
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "dependencies" -> v.dependencies(DependencyShape.valueOf(value));
                    case "object_counts" -> v.objectCounts(ObjectCountsShape.valueOf(value));
                    default -> throw new IllegalArgumentException("Unknown variant '" + kv[0].trim() + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Variant '" + part.trim()
                        + "': use dependencies=list|by_type or object_counts=by_type|integer", e);
            }
        }
        return v;
    }

    public DependencyShape dependencies() {
        return dependencies;
    }

    public ApiVariants dependencies(DependencyShape shape) {
        this.dependencies = shape;
        return this;
    }

    public ObjectCountsShape objectCounts() {
        return objectCounts;
    }

    public ApiVariants objectCounts(ObjectCountsShape shape) {
        this.objectCounts = shape;
        return this;
    }
}
