package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link PceJsonObject} record so that the JSON {@code null}s the PCE sent are kept: a
 * member sent as {@code null} gets a null in the record's {@code extra}, so it is written back
 * (Jackson would otherwise turn {@code "deleted_at": null} into a null component, which is
 * indistinguishable from an absent member). Plain model records are read in one pass by
 * {@link RecordReader}; other records (and every record when the reader attribute
 * {@link #REFERENCE} is set, the reference the tests compare with) by Jackson's ordinary record
 * deserializer, watching the tokens as they stream past (no copy, no tree) for null members.
 * Registered with {@code @JsonDeserialize} on each record, so it works with any mapper, including
 * the shared {@code PceJson} one.
 */
final class ModelDeserializer extends StdDeserializer<Object> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    /**
     * A reader attribute ({@code ObjectReader.withAttribute(REFERENCE, true)}) that makes every
     * model record be read by Jackson's own record deserializer and the null watcher, as before
     * {@link RecordReader}: the reference the tests compare the fast path with.
     */
    static final Object REFERENCE = ModelDeserializer.class.getName() + ".reference";

    private final transient JsonDeserializer<Object> bean;
    private final transient RecordReader fast;

    /** Instantiated by Jackson from the annotation; contextualised before use. */
    ModelDeserializer() {
        super(Object.class);
        this.bean = null;
        this.fast = null;
    }

    private ModelDeserializer(JavaType type, JsonDeserializer<Object> bean, RecordReader fast) {
        super(type);
        this.bean = bean;
        this.fast = fast;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = ctxt.getContextualType();
        if (type == null) {
            throw JsonMappingException.from(ctxt, "ModelDeserializer used without a contextual type");
        }
        // The factory builds the plain bean deserializer without looking at @JsonDeserialize(using),
        // so this does not come back here.
        JsonDeserializer<Object> d = ctxt.getFactory()
                .createBeanDeserializer(ctxt, type, ctxt.getConfig().introspect(type));
        if (d instanceof ResolvableDeserializer r) {
            r.resolve(ctxt);
        }
        d = (JsonDeserializer<Object>) ctxt.handleSecondaryContextualization(d, property, type);
        return new ModelDeserializer(type, d, RecordReader.of(type.getRawClass()));
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (bean == null) {
            throw JsonMappingException.from(p, "ModelDeserializer was not contextualised");
        }
        if (!p.hasToken(JsonToken.START_OBJECT) && !p.hasToken(JsonToken.FIELD_NAME)) {
            return bean.deserialize(p, ctxt);
        }
        if (fast != null && !(p instanceof NullWatcher) && ctxt.getAttribute(REFERENCE) == null) {
            return fast.read(p, ctxt);
        }
        // One watcher per parse: nested records push a frame instead of wrapping the parser again.
        NullWatcher watcher = p instanceof NullWatcher w ? w : new NullWatcher(p);
        watcher.push(p.getParsingContext());
        List<String> nulls;
        Object value;
        try {
            value = bean.deserialize(watcher, ctxt);
        } finally {
            nulls = watcher.pop();
        }
        return nulls == null ? value : Extras.withNulls(value, nulls);
    }

    /**
     * Passes every token through, noting the names of members that are null in the object being
     * read by the innermost model record (the top frame). Nested records are read completely while
     * their frame is on top, so the top frame is always the object whose members are streaming.
     */
    private static final class NullWatcher extends JsonParserDelegate {
        private final ArrayDeque<Frame> frames = new ArrayDeque<>();
        private Frame top;

        private static final class Frame {
            final JsonStreamContext object;
            List<String> nulls;

            Frame(JsonStreamContext object) {
                this.object = object;
            }
        }

        NullWatcher(JsonParser p) {
            super(p);
        }

        /** On START_OBJECT (and on a FIELD_NAME inside it) the context already is the object's. */
        void push(JsonStreamContext object) {
            if (top != null) {
                frames.push(top);
            }
            top = new Frame(object);
        }

        List<String> pop() {
            List<String> nulls = top.nulls;
            top = frames.isEmpty() ? null : frames.pop();
            return nulls;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return seen(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return seen(delegate.nextValue());
        }

        // Field names are never null values: keep the underlying parser's fast paths.
        @Override
        public String nextFieldName() throws IOException {
            return delegate.nextFieldName();
        }

        @Override
        public boolean nextFieldName(SerializableString str) throws IOException {
            return delegate.nextFieldName(str);
        }

        @Override
        public String nextTextValue() throws IOException {
            String s = delegate.nextTextValue();
            if (s == null) {
                seen(delegate.currentToken());
            }
            return s;
        }

        private JsonToken seen(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL && top != null && delegate.getParsingContext() == top.object) {
                if (top.nulls == null) {
                    top.nulls = new ArrayList<>(4);
                }
                top.nulls.add(delegate.currentName());
            }
            return t;
        }
    }
}
