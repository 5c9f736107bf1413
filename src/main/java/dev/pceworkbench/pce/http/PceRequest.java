package dev.pceworkbench.pce.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the PCE API: method, path below {@code /api/v2} (org prefix already applied or
 * not, as the caller chose), query parameters, an optional JSON body and extra headers.
 */
public record PceRequest(String method, String path, Map<String, List<String>> query, byte[] body,
                         Map<String, String> headers) {
    public PceRequest {
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static PceRequest of(String method, String path) {
        return new PceRequest(method, path, null, null, null);
    }

    public PceRequest withQuery(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
        return new PceRequest(method, path, q, body, headers);
    }

    public PceRequest withQuery(Map<String, ?> params) {
        PceRequest r = this;
        if (params != null) {
            for (Map.Entry<String, ?> e : params.entrySet()) {
                if (e.getValue() instanceof Iterable<?> many && !(e.getValue() instanceof CharSequence)) {
                    for (Object v : many) {
                        r = r.withQuery(e.getKey(), v);
                    }
                } else {
                    r = r.withQuery(e.getKey(), e.getValue());
                }
            }
        }
        return r;
    }

    public PceRequest withoutQuery(String name) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.remove(name);
        return new PceRequest(method, path, q, body, headers);
    }

    public PceRequest withBody(byte[] json) {
        return new PceRequest(method, path, query, json, headers);
    }

    public PceRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new PceRequest(method, path, query, body, h);
    }

    /** For messages and logs: method and path, never headers or body. */
    public String describe() {
        return method + " " + path;
    }
}
