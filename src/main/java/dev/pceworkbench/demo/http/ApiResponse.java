package dev.pceworkbench.demo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, headers and either a JSON tree, a streamed JSON body (for
 * collections too large to build in memory twice), a {@link Datafile} written once and served as
 * it is (a job's datafile, a traffic query's download) or no body.
 */
public final class ApiResponse {
    /** Writes a JSON body straight to the response stream. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator generator) throws IOException;
    }

    private final int status;
    private final JsonNode json;
    private final JsonWriter writer;
    private Datafile datafile;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiResponse(int status, JsonNode json, JsonWriter writer) {
        this.status = status;
        this.json = json;
        this.writer = writer;
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, body, null);
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    public static ApiResponse created(JsonNode body) {
        return json(201, body);
    }

    public static ApiResponse stream(int status, JsonWriter writer) {
        return new ApiResponse(status, null, writer);
    }

    /** A JSON document already written, sent gzipped as it is stored or inflated on the fly. */
    public static ApiResponse datafile(int status, Datafile datafile) {
        ApiResponse r = new ApiResponse(status, null, null);
        r.datafile = datafile;
        return r;
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, null);
    }

    public static ApiResponse noContent() {
        return empty(204);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public JsonNode json() {
        return json;
    }

    public JsonWriter writer() {
        return writer;
    }

    public Datafile datafile() {
        return datafile;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
