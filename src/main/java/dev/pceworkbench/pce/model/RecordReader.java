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
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.json.RepeatedObjects;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    /** The canonical constructor, as {@code (Object[]) -> Object}: no reflective accessor per call. */
    private final MethodHandle constructor;
    private final Type[] genericTypes;
    /** JSON name per component (interned), null for {@code extra}. */
    private final String[] names;
    private final Map<String, Integer> index;
    private final int extraIndex;
    /** Per member position, the name and component seen there last (see {@link #indexOf(String, int)}). */
    private final Position[] order = new Position[32];
    /** Non-null for a value record (see {@link Shared}): equal ones read are one instance. */
    private final Shared shared;
    /**
     * The {@code href} component of a record that is not a value record (a rule, a workload, a
     * rule set; also a flow's workload, whose href repeats, then shared by the traffic client's own
     * pass): mostly unique, so read as it is rather than looked up among the shared strings, where
     * it would push out strings that do repeat. -1 for value records and types without one.
     */
    private final int ownHref;
    /** Bit per {@code String} component. */
    private final long stringComponents;
    /**
     * Bit per component whose string is read as it is, not looked up among the shared strings: the
     * record's own href, and every string of a value record while its sharing is off. A mask
     * rather than a test of the sharing's state in {@link #readMembers}: that test is false until
     * a type's sharing first turns off (the large rule sets' workload hrefs do, a second into a
     * cold parse), and compiled code that has never seen it true is thrown away when it is.
     */
    private volatile long plainStrings;
    /** Whether a parallel read reads each distinct text of this type once ({@link Repeated}). */
    private final boolean repeated;
    /** How many members the last record put in {@code extra} (racy, only a size hint). */
    private int extraHint = 4;
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
        try {
            this.constructor = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, names.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        this.genericTypes = genericTypes;
        this.names = names;
        this.extraIndex = extraIndex;
        this.shared = isValue(type, new java.util.HashSet<>()) ? new Shared() : null;
        int own = -1;
        for (int i = 0; i < names.length; i++) {
            if ("href".equals(names[i]) && genericTypes[i] == String.class && shared == null) {
                own = i;
            }
        }
        this.ownHref = own;
        long strings = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && genericTypes[i] == String.class) {
                strings |= 1L << i;
            }
        }
        this.stringComponents = strings;
        this.plainStrings = plainStrings(false);
        this.repeated = type.isAnnotationPresent(Repeated.class);
        this.index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                index.put(names[i], i);
            }
        }
    }

    /** {@link #plainStrings} while this type's sharing is on or off. */
    private long plainStrings(boolean sharingOff) {
        return (ownHref < 0 ? 0 : 1L << ownHref) | (sharingOff ? stringComponents : 0);
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

    /**
     * A value record: every component other than {@code extra} is a string, a boxed number or
     * boolean, a list of those, or a value record. Such records are immutable all the way down, so
     * equal ones (a rule's {@code {"label": {"href": ...}}} actor, a workload's label reference)
     * can be one shared instance.
     */
    private static boolean isValue(Class<?> type, java.util.Set<Class<?>> seen) {
        if (!type.isRecord() || !PceJsonObject.class.isAssignableFrom(type)) {
            return false;
        }
        if (!seen.add(type)) {
            return true; // checked already, or being checked further up (a failure there decides)
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> raw = c.getType();
            if (c.getAccessor().isAnnotationPresent(Extra.class) || scalar(raw)) {
                continue;
            }
            if (raw == List.class && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> e && scalar(e)) {
                continue;
            }
            if (!isValue(raw, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalar(Class<?> t) {
        return t == String.class || t == Integer.class || t == Long.class || t == Boolean.class;
    }

    /** Jackson annotations other than the model's own markers: leave such types to Jackson. */
    private static boolean foreignAnnotations(Annotation[] annotations) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == JsonProperty.class || t == Extra.class || t == PceRecord.class || t == Repeated.class) {
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
        if (repeated && p.hasToken(JsonToken.START_OBJECT)) {
            RepeatedObjects texts = RepeatedObjects.of(p);
            if (texts != null) {
                return texts.read(type, () -> readMembers(p, ctxt));
            }
        }
        return readMembers(p, ctxt);
    }

    private Object readMembers(JsonParser p, DeserializationContext ctxt) throws IOException {
        Resolved r = resolve(ctxt);
        JsonDeserializer<Object>[] ds = r.components;
        int n = names.length;
        Object[] args = new Object[n];
        long seen = 0;
        Members extra = null;
        long plain = plainStrings;
        int k = 0;
        String name = p.hasToken(JsonToken.START_OBJECT) ? p.nextFieldName() : p.currentName();
        for (; name != null; name = p.nextFieldName(), k++) {
            int i = indexOf(name, k);
            JsonToken t = p.nextToken();
            if (i < 0) {
                JsonNode v;
                try {
                    v = t == JsonToken.VALUE_NULL ? (JsonNode) r.node.getNullValue(ctxt)
                            : extraValue(p, t, ctxt, r.node);
                } catch (Exception e) {
                    throw wrap(e, name, ctxt);
                }
                if (extra == null) {
                    extra = new Members(extraHint);
                }
                extra.put(name, v == null ? NullNode.instance : v, false);
                continue;
            }
            seen |= 1L << i;
            try {
                if (t == JsonToken.VALUE_NULL) {
                    args[i] = ds[i].getNullValue(ctxt);
                    if (extra == null) {
                        extra = new Members(extraHint);
                    }
                    extra.put(name, NullNode.instance, false);
                } else if (t == JsonToken.VALUE_STRING && (plain & (1L << i)) != 0) {
                    // A record's own href is unique; so, mostly, are the strings of a value record
                    // that seldom repeats (a flow's time range): read as they are, not looked up
                    // among the shared strings, where they would push out strings that do repeat.
                    args[i] = p.getText();
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
        if (extra != null) {
            extraHint = extra.count;
            args[extraIndex] = extra.toMap();
        } else {
            args[extraIndex] = Map.of();
            if (shared != null) {
                return shared.of(args, this, ctxt);
            }
        }
        return construct(args, ctxt);
    }

    private Object construct(Object[] args, DeserializationContext ctxt) throws IOException {
        try {
            return (Object) constructor.invokeExact(args);
        } catch (Error | JsonMappingException e) {
            throw e;
        } catch (Throwable e) {
            throw ctxt.instantiationException(type, e);
        }
    }

    /**
     * The array at the parser as an immutable list, read as Jackson's collection deserializer reads
     * it (nulls kept, an element's error carries its index).
     */
    private static List<Object> list(JsonParser p, DeserializationContext ctxt, JsonDeserializer<Object> element)
            throws IOException {
        Scratch scratch = SCRATCH.get();
        Object[] items = scratch.push();
        int n = 0;
        try {
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
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
            }
            items[n++] = v;
            }
            return n == 0 ? List.of() : new ArrayListView<>(Arrays.copyOf(items, n));
        } finally {
            scratch.pop(items, n);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Per thread, the arrays lists are collected in before their one exact-size copy: a stack,
     * one array per nesting level (a list of records holding lists), each kept at the largest size
     * it has needed. They hold no records once the outermost list is read (a thread may live
     * long): each level is cleared then, as far as it was filled, not after every inner list.
     */
    private static final class Scratch {
        private Object[][] stack = new Object[4][];
        private int[] filled = new int[4];
        private int depth;

        Object[] push() {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
                filled = Arrays.copyOf(filled, depth * 2);
            }
            Object[] a = stack[depth];
            if (a == null) {
                a = new Object[16];
            }
            stack[depth++] = null;
            return a;
        }

        /** Gives back the level's array, {@code n} of its slots used. */
        void pop(Object[] a, int n) {
            stack[--depth] = a;
            filled[depth] = Math.max(filled[depth], n);
            if (depth == 0) {
                for (int level = 0; level < stack.length && stack[level] != null; level++) {
                    Arrays.fill(stack[level], 0, filled[level], null);
                    filled[level] = 0;
                }
            }
        }
    }

    /**
     * The instances of one value record type, by their components: a fixed direct-mapped table
     * (the latest record wins a slot). A type whose records rarely repeat (under one found per ten
     * new over a few thousand) is not looked up for the next 65,536 reads. Counters are racy:
     * they only steer the lookups.
     */
    private static final class Shared {
        private static final int BITS = 13;
        private final Entry[] entries = new Entry[1 << BITS];
        private int reads;
        private int hits;
        private volatile boolean off;

        private record Entry(int hash, Object[] args, Object value) {
        }

        Object of(Object[] args, RecordReader reader, DeserializationContext ctxt) throws IOException {
            if (off) {
                if (++reads >= 1 << 16) {
                    turn(false, reader); // try again: the same type may repeat in another document
                    reads = 0;
                }
                return reader.construct(args, ctxt);
            }
            int h = 1;
            for (Object a : args) {
                h = 31 * h + (a instanceof PceJsonObject<?> ? System.identityHashCode(a) : java.util.Objects.hashCode(a));
            }
            int slot = (h * 0x9E3779B9) >>> (32 - BITS);
            Entry e = entries[slot];
            if (e != null && e.hash == h && same(e.args, args)) {
                hits++;
                return e.value;
            }
            if (++reads >= 4096) {
                turn(hits < reads / 10, reader);
                reads = 0;
                hits = 0;
            }
            Object value = reader.construct(args, ctxt);
            entries[slot] = new Entry(h, args, value);
            return value;
        }

        private void turn(boolean off, RecordReader reader) {
            if (off != this.off) {
                this.off = off;
                reader.plainStrings = reader.plainStrings(off);
            }
        }

        /**
         * Strings, numbers, booleans and lists of them by value (equal ones are written the same);
         * nested records by identity: an equal record with members of its own in {@code extra}
         * (where {@code 1.0} equals {@code 1.00} and the order does not count) is never shared, so
         * only records that were themselves shared, plain, can match.
         */
        private static boolean same(Object[] a, Object[] b) {
            for (int i = 0; i < a.length; i++) {
                Object x = a[i];
                Object y = b[i];
                if (x != y && (x instanceof PceJsonObject<?> || x == null || !x.equals(y))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * An unknown member's object value (the parser on its START_OBJECT): the tree Jackson's reader
     * builds, held compactly and unmodifiable, like the record itself, and shared when equal
     * ({@link SharedTrees}): the PCE's ubiquitous reference {@code {"href": "..."}} (a rule's
     * {@code created_by}, {@code updated_by}...) is one node per href; objects keep their members
     * in two arrays rather than a LinkedHashMap (a large PCE's workloads carry millions of such
     * members: services, ports).
     */
    private static JsonNode extraObject(JsonParser p, DeserializationContext ctxt, JsonDeserializer<Object> node)
            throws IOException {
        String[] keys = new String[8];
        JsonNode[] values = new JsonNode[8];
        int n = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonNode x = extraValue(p, p.nextToken(), ctxt, node);
            int at = -1;
            for (int i = 0; i < n; i++) {
                if (keys[i].equals(name)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                values[at] = x; // a repeated member: the last value, as Jackson's tree reader keeps
                continue;
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            keys[n] = name;
            values[n++] = x;
        }
        return SharedTrees.object(ctxt.getNodeFactory(), keys, values, n);
    }

    /**
     * A value kept in {@code extra}, the parser on its first token: the node Jackson's tree reader
     * makes, built here for the common kinds (a string looked up in the parser's buffer, so a
     * timestamp seen before makes no new String; objects by {@link #extraObject}; arrays of them),
     * by Jackson for the rest (decimals, big numbers).
     */
    private static JsonNode extraValue(JsonParser p, JsonToken t, DeserializationContext ctxt,
                                       JsonDeserializer<Object> node) throws IOException {
        JsonNodeFactory f = ctxt.getNodeFactory();
        switch (t) {
            case VALUE_STRING:
                return f.textNode(PceJson.sharedText(p));
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            case VALUE_NUMBER_INT:
                if (!ctxt.hasSomeOfFeatures(INT_COERCIONS)) {
                    JsonParser.NumberType nt = p.getNumberType();
                    if (nt == JsonParser.NumberType.INT) {
                        return f.numberNode(p.getIntValue());
                    }
                    if (nt == JsonParser.NumberType.LONG) {
                        return f.numberNode(p.getLongValue());
                    }
                }
                return (JsonNode) node.deserialize(p, ctxt);
            case START_OBJECT:
                return extraObject(p, ctxt, node);
            case START_ARRAY: {
                JsonNode[] items = new JsonNode[8];
                int n = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                    }
                    items[n++] = extraValue(p, e, ctxt, node);
                }
                return SharedTrees.array(f, items, n);
            }
            default:
                return (JsonNode) node.deserialize(p, ctxt);
        }
    }

    // Like Jackson's tree reader under PceJson's settings (a repeated member keeps its last value;
    // null members are kept): FAIL_ON_READING_DUP_TREE_KEY and JsonNodeFeature.READ_NULL_PROPERTIES
    // stay at their defaults there, which ModelDeserializerEquivalenceTest would notice changing.
    private static final int INT_COERCIONS = DeserializationFeature.USE_BIG_INTEGER_FOR_INTS.getMask()
            | DeserializationFeature.USE_LONG_FOR_INTS.getMask();

    /**
     * The objects and arrays kept in {@code extra}, unmodifiable and shared when equal: a large
     * PCE repeats the same small trees across thousands of objects (a workload's open service
     * ports, its empty lists). A fixed direct-mapped table, the latest tree wins a slot. Members
     * and items compare as plain values when they are strings, whole numbers, booleans or nulls
     * (equal ones write the same JSON) and by identity otherwise (a nested tree is itself shared
     * when it repeats): never equal unless written the same.
     */
    private static final class SharedTrees {
        private static final int BITS = 15;
        private static final Object[] SLOTS = new Object[1 << BITS];
        /**
         * Only small trees are kept for sharing (the table is static: a large, unique one, say a
         * workload's whole {@code services}, would otherwise stay reachable after its record).
         */
        private static final int MAX_SHARED = 16;

        private record Obj(int hash, String[] keys, JsonNode[] values, ObjectNode node) {
        }

        private record Arr(int hash, JsonNode[] items, com.fasterxml.jackson.databind.node.ArrayNode node) {
        }

        static ObjectNode object(JsonNodeFactory f, String[] keys, JsonNode[] values, int n) {
            int h = 1;
            for (int i = 0; i < n; i++) {
                h = 31 * (31 * h + keys[i].hashCode()) + hash(values[i]);
            }
            int slot = (h * 0x9E3779B9) >>> (32 - BITS);
            if (SLOTS[slot] instanceof Obj o && o.hash == h && o.keys.length == n && same(o, keys, values)) {
                return o.node;
            }
            String[] k = Arrays.copyOf(keys, n);
            JsonNode[] v = Arrays.copyOf(values, n);
            ObjectNode node = new ObjectNode(f, new ArrayMap(k, v));
            if (n <= MAX_SHARED) {
                SLOTS[slot] = new Obj(h, k, v, node);
            }
            return node;
        }

        static com.fasterxml.jackson.databind.node.ArrayNode array(JsonNodeFactory f, JsonNode[] items, int n) {
            int h = 2;
            for (int i = 0; i < n; i++) {
                h = 31 * h + hash(items[i]);
            }
            int slot = (h * 0x9E3779B9) >>> (32 - BITS);
            if (SLOTS[slot] instanceof Arr a && a.hash == h && a.items.length == n && same(a.items, items)) {
                return a.node;
            }
            JsonNode[] v = Arrays.copyOf(items, n);
            com.fasterxml.jackson.databind.node.ArrayNode node =
                    new com.fasterxml.jackson.databind.node.ArrayNode(f, new ArrayListView<>(v));
            if (n <= MAX_SHARED) {
                SLOTS[slot] = new Arr(h, v, node);
            }
            return node;
        }

        private static boolean same(Obj o, String[] keys, JsonNode[] values) {
            for (int i = 0; i < o.keys.length; i++) {
                if (!o.keys[i].equals(keys[i]) || !same(o.values[i], values[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(JsonNode[] a, JsonNode[] b) {
            for (int i = 0; i < a.length; i++) {
                if (!same(a[i], b[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean plain(JsonNode v) {
            return v instanceof TextNode || v instanceof com.fasterxml.jackson.databind.node.IntNode
                    || v instanceof com.fasterxml.jackson.databind.node.LongNode
                    || v instanceof com.fasterxml.jackson.databind.node.BooleanNode || v instanceof NullNode;
        }

        private static int hash(JsonNode v) {
            return plain(v) ? v.getClass().hashCode() * 31 + v.hashCode() : System.identityHashCode(v);
        }

        private static boolean same(JsonNode a, JsonNode b) {
            return a == b || (plain(a) && a.getClass() == b.getClass() && a.equals(b));
        }
    }


    /**
     * The component of the {@code k}-th member called {@code name} (-1 for an unknown one). Records
     * of one type come with their members in the same order, so the answer for the previous
     * record's {@code k}-th member is tried first, by identity (the parser's names are interned).
     */
    private int indexOf(String name, int k) {
        if (k < order.length) {
            Position at = order[k];
            if (at != null && at.name == name) {
                return at.index;
            }
            int i = indexOf(name);
            order[k] = new Position(name, i);
            return i;
        }
        return indexOf(name);
    }

    /** A member name and its component, one immutable object so that threads see the two together. */
    private record Position(String name, int index) {
    }

    private int indexOf(String name) {
        // The parser's names are interned: an identity scan over a record's few names first.
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The members for {@code extra}, in the PCE's order: unknown members (a repeated one keeps its
     * first value, as Jackson's any-setter did) and the modelled members the PCE sent as null.
     */
    private static final class Members {
        private String[] names;
        private JsonNode[] values;
        private int count;

        /** @param hint the expected number of members: records of one type tend to have the same */
        Members(int hint) {
            int n = Math.max(2, hint);
            names = new String[n];
            values = new JsonNode[n];
        }

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
            return count == names.length ? new ArrayMap(names, values)
                    : new ArrayMap(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
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
