package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Re-packs generated JSON trees into a memory-lean form before they are stored. A plain Jackson
 * {@link ObjectNode} keeps its fields in a {@link java.util.LinkedHashMap}: about 40 bytes per
 * field plus the table, which made 200,000 rules and 50,000 workloads cost over 600 MB. Here each
 * object gets a {@link FieldMap} (parallel key and value arrays, the key array shared by every
 * object with the same field names), equal scalar values are deduplicated, and a node seen twice
 * (an interned sub-node) stays one node. The result is an ordinary {@code ObjectNode}/{@code
 * ArrayNode} tree to every reader: Jackson only ever uses its children through the {@link Map}
 * interface. It even stays mutable, although stored nodes are never meant to be changed.
 */
final class CompactJson {
    private final JsonNodeFactory f;
    private final Map<JsonNode, JsonNode> scalars = new HashMap<>();
    private final Map<List<String>, String[]> shapes = new HashMap<>();

    CompactJson(JsonNodeFactory f) {
        this.f = f;
    }

    /**
     * The compact equivalent of {@code node}. Nodes that are already compact are returned as they
     * are, which is what keeps shared sub-nodes shared: the generator compacts a node once when it
     * means to reuse it, and every tree that contains it then holds that one instance.
     */
    @SuppressWarnings("unchecked")
    <T extends JsonNode> T compact(T node) {
        if (node instanceof CompactObject || node instanceof CompactArray) {
            return node;
        }
        if (node instanceof ObjectNode o) {
            String[] keys = new String[o.size()];
            JsonNode[] values = new JsonNode[o.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                keys[i] = e.getKey();
                values[i++] = compact(e.getValue());
            }
            String[] shared = shapes.computeIfAbsent(Arrays.asList(keys), k -> keys);
            return (T) new CompactObject(f, new FieldMap(shared, values));
        }
        if (node instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>(a.size());
            for (JsonNode e : a) {
                items.add(compact(e));
            }
            return (T) new CompactArray(f, items);
        }
        if (node instanceof ValueNode) {
            return (T) scalars.computeIfAbsent(node, k -> k);
        }
        return node;
    }

    /** An object node backed by a {@link FieldMap}; the subclass only marks it as already compact. */
    @SuppressWarnings("unchecked") // Jackson's own deepCopy() override, inherited
    static final class CompactObject extends ObjectNode {
        private static final long serialVersionUID = 1L;

        CompactObject(JsonNodeFactory f, Map<String, JsonNode> fields) {
            super(f, fields);
        }
    }

    /** An array node with an exactly sized list; the subclass only marks it as already compact. */
    @SuppressWarnings("unchecked") // Jackson's own deepCopy() override, inherited
    static final class CompactArray extends ArrayNode {
        private static final long serialVersionUID = 1L;

        CompactArray(JsonNodeFactory f, List<JsonNode> items) {
            super(f, items);
        }
    }

    /**
     * An insertion-ordered map of fields in two arrays. The key array may be shared with other
     * maps of the same shape, so it is copied before any change that adds or removes a key.
     */
    static final class FieldMap extends AbstractMap<String, JsonNode> {
        private String[] keys;
        private JsonNode[] values;
        private int size;
        private boolean keysShared = true;

        FieldMap(String[] keys, JsonNode[] values) {
            this.keys = keys;
            this.values = values;
            this.size = values.length;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public JsonNode get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            int i = indexOf(key);
            if (i >= 0) {
                JsonNode old = values[i];
                values[i] = value;
                return old;
            }
            ownKeys(size + 1);
            if (values.length < size + 1) {
                values = Arrays.copyOf(values, size + 4);
            }
            keys[size] = key;
            values[size++] = value;
            return null;
        }

        @Override
        public JsonNode remove(Object key) {
            int i = indexOf(key);
            if (i < 0) {
                return null;
            }
            JsonNode old = values[i];
            removeAt(i);
            return old;
        }

        private void removeAt(int i) {
            ownKeys(size);
            System.arraycopy(keys, i + 1, keys, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            keys[size] = null;
            values[size] = null;
        }

        @Override
        public void clear() {
            keys = new String[0];
            values = new JsonNode[0];
            size = 0;
            keysShared = false;
        }

        private void ownKeys(int capacity) {
            if (keysShared || keys.length < capacity) {
                keys = Arrays.copyOf(keys, Math.max(capacity + 3, keys.length));
                keysShared = false;
            }
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next;
                        private int last = -1;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            last = next++;
                            return new Field(last);
                        }

                        @Override
                        public void remove() {
                            if (last < 0) {
                                throw new IllegalStateException();
                            }
                            removeAt(last);
                            next = last;
                            last = -1;
                        }
                    };
                }
            };
        }

        /** A live view of one field, as {@link Map.Entry} requires. */
        private final class Field implements Entry<String, JsonNode> {
            private final int index;

            Field(int index) {
                this.index = index;
            }

            @Override
            public String getKey() {
                return keys[index];
            }

            @Override
            public JsonNode getValue() {
                return values[index];
            }

            @Override
            public JsonNode setValue(JsonNode value) {
                JsonNode old = values[index];
                values[index] = value;
                return old;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Entry<?, ?> e && Objects.equals(getKey(), e.getKey())
                        && Objects.equals(getValue(), e.getValue());
            }

            @Override
            public int hashCode() {
                return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
            }

            @Override
            public String toString() {
                return getKey() + "=" + getValue();
            }
        }
    }
}
