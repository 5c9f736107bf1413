package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one model record straight from the token stream, in one pass: each member either fills its
 * record component (read by the same Jackson deserializer the record deserializer would use) or,
 * unknown, goes to {@code extra} as a tree; a modelled member sent as JSON {@code null} also gets a
 * null in {@code extra}; the canonical constructor is called once. The result is the
 * record Jackson's record deserializer plus {@link ModelDeserializer}'s null watching produce
 * (same components, same {@code extra} members, same errors with the member's path; {@code extra}
 * keeps the PCE's order, where the any-setter's map had its own),
 * without the any-setter map, the parser delegate, the creator buffer and the second constructor
 * call for records with explicit nulls. {@code ModelDeserializerEquivalenceTest} compares the two
 * over every sample and the demo PCE's large data.
 *
 * <p>Used only for records it fully understands: a record implementing {@link PceJsonObject} whose
 * components all carry {@code @JsonProperty} (read-write) or {@code @Extra}, with no other Jackson
 * annotation on the type or its components and no {@code @JsonCreator}; anything else keeps
 * Jackson's record deserializer.
 */
final class RecordReader {
    private final Class<?> type;
    private final Constructor<?> constructor;
    private final Type[] genericTypes;
    /** JSON name per component (interned), null for {@code extra}. */
    private final String[] names;
    private final Map<String, Integer> index;
    private final int extraIndex;
    private volatile Resolved resolved;

    /**
     * @param elements for a {@code List<E>} component, the deserializer of {@code E}: the list is
     *                 read here straight into the immutable list the record keeps (the record's
     *                 {@code Extras.list} passes it through), not into an ArrayList copied again
     */
    private record Resolved(JsonDeserializer<Object>[] components, JsonDeserializer<Object>[] elements,
                            JsonDeserializer<Object> node) {
    }

    private RecordReader(Class<?> type, Constructor<?> constructor, Type[] genericTypes, String[] names,
                         int extraIndex) {
        this.type = type;
        this.constructor = constructor;
        this.genericTypes = genericTypes;
        this.names = names;
        this.extraIndex = extraIndex;
        this.index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                index.put(names[i], i);
            }
        }
    }

    /** The reader for {@code type}, or null when the type is not a plain model record. */
    static RecordReader of(Class<?> type) {
        if (!type.isRecord() || !PceJsonObject.class.isAssignableFrom(type) || foreignAnnotations(type.getAnnotations())) {
            return null;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonCreator.class)) {
                return null;
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length > 64) {
            return null;
        }
        String[] names = new String[components.length];
        Type[] types = new Type[components.length];
        Class<?>[] raw = new Class<?>[components.length];
        int extra = -1;
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            raw[i] = components[i].getType();
            types[i] = components[i].getGenericType();
            if (accessor.isAnnotationPresent(Extra.class)) {
                if (extra >= 0 || !isExtraMap(types[i])) {
                    return null;
                }
                extra = i;
                continue;
            }
            JsonProperty p = accessor.getAnnotation(JsonProperty.class);
            if (p == null || p.value().isEmpty() || p.value().equals(Extras.NAME)
                    || (p.access() != JsonProperty.Access.AUTO && p.access() != JsonProperty.Access.READ_WRITE)
                    || foreignAnnotations(accessor.getAnnotations())) {
                return null;
            }
            names[i] = p.value().intern();
        }
        if (extra < 0) {
            return null;
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(raw);
            if (foreignAnnotations(c.getAnnotations())) {
                return null;
            }
            c.setAccessible(true);
            return new RecordReader(type, c, types, names, extra);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isExtraMap(Type t) {
        return t instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == JsonNode.class;
    }

    /** Jackson annotations other than the model's own markers: leave such types to Jackson. */
    private static boolean foreignAnnotations(Annotation[] annotations) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == JsonProperty.class || t == Extra.class || t == PceRecord.class) {
                continue;
            }
            if (t.getName().startsWith("com.fasterxml.")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private Resolved resolve(DeserializationContext ctxt) throws JsonMappingException {
        Resolved r = resolved;
        if (r != null) {
            return r;
        }
        JsonDeserializer<Object>[] ds = new JsonDeserializer[names.length];
        JsonDeserializer<Object>[] es = new JsonDeserializer[names.length];
        for (int i = 0; i < names.length; i++) {
            if (i != extraIndex) {
                JavaType t = ctxt.getTypeFactory().constructType(genericTypes[i]);
                ds[i] = ctxt.findContextualValueDeserializer(t, null);
                if (t.getRawClass() == List.class && t.containedTypeCount() == 1
                        && !t.containedType(0).isContainerType() && !t.containedType(0).isJavaLangObject()) {
                    es[i] = ctxt.findContextualValueDeserializer(t.containedType(0), null);
                }
            }
        }
        JsonDeserializer<Object> node = ctxt.findContextualValueDeserializer(ctxt.constructType(JsonNode.class), null);
        r = new Resolved(ds, es, node);
        resolved = r;
        return r;
    }

    /** Reads the object at the parser (on its START_OBJECT or first FIELD_NAME) into the record. */
    Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
        Resolved r = resolve(ctxt);
        JsonDeserializer<Object>[] ds = r.components;
        int n = names.length;
        Object[] args = new Object[n];
        long seen = 0;
        Members extra = null;
        int guess = 0;
        String name = p.hasToken(JsonToken.START_OBJECT) ? p.nextFieldName() : p.currentName();
        for (; name != null; name = p.nextFieldName()) {
            int i = guess < n && names[guess] == name ? guess : indexOf(name);
            JsonToken t = p.nextToken();
            if (i < 0) {
                JsonNode v;
                try {
                    v = t == JsonToken.VALUE_NULL ? (JsonNode) r.node.getNullValue(ctxt)
                            : t == JsonToken.START_OBJECT ? extraObject(p, ctxt, r.node)
                            : (JsonNode) r.node.deserialize(p, ctxt);
                } catch (Exception e) {
                    throw wrap(e, name, ctxt);
                }
                if (extra == null) {
                    extra = new Members();
                }
                extra.put(name, v == null ? NullNode.instance : v, false);
                continue;
            }
            guess = i + 1;
            seen |= 1L << i;
            try {
                if (t == JsonToken.VALUE_NULL) {
                    args[i] = ds[i].getNullValue(ctxt);
                    if (extra == null) {
                        extra = new Members();
                    }
                    extra.put(name, NullNode.instance, false);
                } else if (t == JsonToken.START_ARRAY && r.elements[i] != null) {
                    args[i] = list(p, ctxt, r.elements[i]);
                } else {
                    args[i] = ds[i].deserialize(p, ctxt);
                }
            } catch (Exception e) {
                throw wrap(e, name, ctxt);
            }
        }
        for (int i = 0; i < n; i++) {
            if (i != extraIndex && (seen & (1L << i)) == 0) {
                args[i] = ds[i].getAbsentValue(ctxt);
            }
        }
        args[extraIndex] = extra == null ? Map.of() : extra.toMap();
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof JsonMappingException jme) {
                throw jme;
            }
            throw ctxt.instantiationException(type, cause);
        } catch (ReflectiveOperationException e) {
            throw ctxt.instantiationException(type, e);
        }
    }

    /**
     * The array at the parser as an immutable list, read as Jackson's collection deserializer reads
     * it (nulls kept, an element's error carries its index).
     */
    private static List<Object> list(JsonParser p, DeserializationContext ctxt, JsonDeserializer<Object> element)
            throws IOException {
        Object[] items = null;
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            Object v;
            try {
                v = t == JsonToken.VALUE_NULL ? element.getNullValue(ctxt) : element.deserialize(p, ctxt);
            } catch (Exception e) {
                boolean wrap = ctxt == null || ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS);
                if (!wrap && e instanceof RuntimeException re) {
                    throw re;
                }
                throw JsonMappingException.wrapWithPath(e, new java.util.ArrayList<>(), n);
            }
            if (items == null) {
                items = new Object[4];
            } else if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
            }
            items[n++] = v;
        }
        if (n == 0) {
            return List.of();
        }
        return new ArrayListView<>(n == items.length ? items : Arrays.copyOf(items, n));
    }

    /**
     * An unknown member's object value (the parser on its START_OBJECT), as Jackson's tree reader
     * builds it, except that the PCE's ubiquitous reference {@code {"href": "..."}} (a rule's
     * {@code created_by}, {@code updated_by}...) is one shared, unmodifiable node per href: a large
     * PCE sends hundreds of thousands of them, each otherwise a node, a map and its entry.
     */
    private static JsonNode extraObject(JsonParser p, DeserializationContext ctxt, JsonDeserializer<Object> node)
            throws IOException {
        JsonNodeFactory f = ctxt.getNodeFactory();
        String first = p.nextFieldName();
        if (first == null) {
            return f.objectNode();
        }
        JsonToken t = p.nextToken();
        JsonNode v = t == JsonToken.VALUE_NULL ? f.nullNode() : (JsonNode) node.deserialize(p, ctxt);
        String name = p.nextFieldName();
        if (name == null && v instanceof TextNode text && first.equals("href")) {
            return SharedHrefs.of(f, text);
        }
        ObjectNode o = f.objectNode();
        o.set(first, v);
        for (; name != null; name = p.nextFieldName()) {
            t = p.nextToken();
            o.set(name, t == JsonToken.VALUE_NULL ? f.nullNode() : (JsonNode) node.deserialize(p, ctxt));
        }
        return o;
    }

    /** The shared {@code {"href": ...}} nodes: a fixed direct-mapped table, the latest href wins a slot. */
    private static final class SharedHrefs {
        private static final int BITS = 14;
        private static final ObjectNode[] NODES = new ObjectNode[1 << BITS];

        static ObjectNode of(JsonNodeFactory f, TextNode href) {
            String s = href.textValue();
            int slot = (s.hashCode() * 0x9E3779B9) >>> (32 - BITS);
            ObjectNode n = NODES[slot];
            if (n != null && n.get("href").textValue().equals(s)) {
                return n;
            }
            // Unmodifiable: the node may be shared by many records.
            n = new ObjectNode(f, Map.of("href", href));
            NODES[slot] = n;
            return n;
        }
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The members for {@code extra}, in the PCE's order: unknown members (a repeated one keeps its
     * first value, as Jackson's any-setter did) and the modelled members the PCE sent as null.
     */
    private static final class Members {
        private String[] names = new String[4];
        private JsonNode[] values = new JsonNode[4];
        private int count;

        void put(String name, JsonNode value, boolean replace) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    if (replace) {
                        values[i] = value;
                    }
                    return;
                }
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            names[count] = name;
            values[count++] = value;
        }

        Map<String, JsonNode> toMap() {
            return new ArrayMap(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
        }
    }

    /** The error with the member's path, as Jackson's bean deserializer reports it. */
    private IOException wrap(Throwable t, String name, DeserializationContext ctxt) throws IOException {
        while (t instanceof InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Error e) {
            throw e;
        }
        boolean wrap = ctxt == null || ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS);
        if (t instanceof IOException io && (!wrap || !(t instanceof JacksonException))) {
            throw io;
        }
        if (!wrap && t instanceof RuntimeException re) {
            throw re;
        }
        return JsonMappingException.wrapWithPath(t, type, name);
    }
}
