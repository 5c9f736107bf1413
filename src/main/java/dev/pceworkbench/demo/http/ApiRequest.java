package dev.pceworkbench.demo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the demo PCE: method, the path below {@code /api/v2}, decoded query parameters,
 * the JSON body (read once, on demand), the authenticated caller and the path parameters the
 * router extracted.
 */
public final class ApiRequest {
    /** The largest request body accepted: a whole rule set with thousands of rules fits many times. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** The deepest nesting a request body may have; PCE objects nest about six levels. */
    public static final int MAX_DEPTH = 32;
    /** How much of a too-large body is read and discarded before answering 413. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** The longest string the parser takes; schemas set tighter limits per property. */
    public static final int MAX_PARSED_STRING = 1024 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = strictReader();

    private final RequestSource source;
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final String requestId;
    private Map<String, String> pathParams = Map.of();
    private Caller caller;
    private JsonNode body;
    private boolean bodyRead;

    /** Who is calling: the user behind the credential and the credential's name (for rate limits). */
    public record Caller(long userId, String username, String credential) {
        public String userHref() {
            return "/users/" + userId;
        }
    }

    public ApiRequest(RequestSource source, String path, String requestId) {
        this.source = source;
        this.method = source.method().toUpperCase(java.util.Locale.ROOT);
        this.path = path;
        this.query = parseQuery(source.rawQuery());
        this.requestId = requestId;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** The address the request came from, as the PCE records it (events, last login). */
    public String remoteAddress() {
        return source.remoteAddress().getHostAddress();
    }

    public String method() {
        return method;
    }

    /** The path below {@code /api/v2}, for example {@code /orgs/1/labels}. */
    public String path() {
        return path;
    }

    public String requestId() {
        return requestId;
    }

    public Map<String, List<String>> query() {
        return Collections.unmodifiableMap(query);
    }

    public Optional<String> param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public Optional<Integer> intParam(String name) {
        Optional<String> v = param(name);
        if (v.isEmpty() || v.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw PceApiException.invalid("Invalid value for '" + name + "': " + v.get() + " is not an integer");
        }
    }

    /** An integer parameter that must lie in [{@code min}, {@code max}] (406 naming it otherwise). */
    public Optional<Integer> intParam(String name, int min, int max) {
        Optional<Integer> v = intParam(name);
        if (v.isPresent() && (v.get() < min || v.get() > max)) {
            throw PceApiException.invalid("Invalid value for '" + name + "': " + v.get() + " is not from " + min + " to " + max);
        }
        return v;
    }

    public Optional<Boolean> boolParam(String name) {
        Optional<String> v = param(name);
        if (v.isEmpty() || v.get().isBlank()) {
            return Optional.empty();
        }
        return switch (v.get().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> Optional.of(true);
            case "false", "no", "0" -> Optional.of(false);
            default -> throw PceApiException.invalid("Invalid value for '" + name + "': " + v.get() + " is not a boolean");
        };
    }

    public String header(String name) {
        return source.header(name);
    }

    public boolean prefersAsync() {
        String prefer = header("Prefer");
        return prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
    }

    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("no path parameter " + name + " in route for " + path);
        }
        return v;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Map.copyOf(params);
    }

    public Caller caller() {
        return caller;
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    private static com.fasterxml.jackson.databind.ObjectReader strictReader() {
        com.fasterxml.jackson.databind.ObjectMapper m = PceJson.newMapper();
        m.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_PARSED_STRING).maxNumberLength(40)
                .maxDocumentLength(MAX_BODY_BYTES).build());
        m.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The request body as JSON, read strictly as a real PCE reads it: at most {@link #MAX_BODY_BYTES}
     * (413), valid UTF-8, one JSON document with nothing after it and no duplicate property, nested at
     * most {@link #MAX_DEPTH} levels (so that whatever is stored can be served back). A missing or
     * malformed body is the PCE's 400; a too-deep one or invalid UTF-8, its 406.
     */
    public JsonNode body() {
        if (!bodyRead) {
            bodyRead = true;
            body = parse(readBody());
        }
        if (body == null) {
            throw new PceApiException(400, "json_parse_error", "Request body must be a JSON document");
        }
        return body;
    }

    private byte[] readBody() {
        try (InputStream in = source.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                // Read on (bounded) and discard, so that the client sees the 413 rather than a reset.
                long skipped = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; skipped < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                    skipped += n;
                }
                throw new PceApiException(413, "request_too_large", "Request body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new PceApiException(400, "invalid_request", "Could not read the request body");
        }
    }

    /** Parses a request body as {@link #body()} does; null for an empty one. */
    public static JsonNode parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw PceApiException.invalid("Request body is not valid UTF-8 text");
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return STRICT.readTree(text);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            throw PceApiException.invalid(m.contains("nesting depth")
                    ? "Request body nests deeper than " + MAX_DEPTH + " levels"
                    : m.contains("String value length") ? "A string in the request body is longer than " + MAX_PARSED_STRING + " characters"
                    : "Request body exceeds the PCE's limits (numbers up to 40 digits)");
        } catch (JsonProcessingException e) {
            throw new PceApiException(400, "json_parse_error", "Request body is not valid JSON: " + clean(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PceApiException(400, "json_parse_error", "Request body is not valid JSON");
        }
    }

    /** A parser message without Java class names or the (possibly long) input it quotes. */
    private static String clean(String message) {
        if (message == null) {
            return "malformed document";
        }
        String m = message.replaceAll("`?(?:[a-z_$][a-zA-Z0-9_$]*\\.){2,}[A-Za-z_$][A-Za-z0-9_$]*`?", "a JSON value")
                .replaceAll("[\\r\\n]+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /**
     * Reads and discards a body no handler read (bounded), so that the answer is not taken for a
     * reset and the keep-alive connection stays usable for the next request.
     */
    public void discardUnreadBody() {
        if (bodyRead) {
            return;
        }
        bodyRead = true;
        try (InputStream in = source.body()) {
            byte[] sink = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                read += n;
            }
        } catch (IOException ignored) {
            // The client went away: nothing to keep usable.
        }
    }

    public boolean hasBody() {
        try {
            body();
            return true;
        } catch (PceApiException e) {
            if (body == null && bodyRead) {
                return false;
            }
            throw e;
        }
    }
}
