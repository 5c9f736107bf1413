package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration shared by the PCE client and the embedded demo PCE, so that both
 * sides read and write the PCE's JSON the same way: snake_case names are spelled out on the
 * records, unknown fields are tolerated (a newer PCE adds fields), nulls that the PCE sends are
 * kept, and very large collection documents (hundreds of MB) can be parsed.
 */
public final class PceJson {
    private static final ObjectMapper MAPPER = build();

    private PceJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it; call {@link #newMapper()} for a private copy. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the PCE settings, for callers that need to register extra modules. */
    public static ObjectMapper newMapper() {
        return build();
    }

    /**
     * The string value at the parser (on a VALUE_STRING), shared with equal short strings read
     * before: looked up in the parser's own buffer, so a value seen before makes no new String.
     */
    public static String sharedText(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        return Dedup.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder(new BatchJsonFactory())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(64 * 1024 * 1024)
                .maxDocumentLength(-1)
                .build());
        // Share repeated short strings: large PCEs repeat hrefs and timestamps endlessly.
        mapper.setNodeFactory(new DedupNodeFactory());
        com.fasterxml.jackson.databind.module.SimpleModule dedup = new com.fasterxml.jackson.databind.module.SimpleModule("pce-dedup");
        dedup.addDeserializer(String.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String>(String.class) {
            private final com.fasterxml.jackson.databind.deser.std.StringDeserializer plain =
                    com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance;

            @Override
            public String deserialize(com.fasterxml.jackson.core.JsonParser p,
                                      com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
                if (p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                    // Looked up in the parser's own buffer: no String is made for a value seen before.
                    return sharedText(p);
                }
                return Dedup.of(plain.deserialize(p, ctxt));
            }
        });
        mapper.registerModule(dedup);
        return mapper;
    }
}
