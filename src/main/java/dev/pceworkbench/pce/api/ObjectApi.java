package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create, read, update and delete for one PCE object type, typed as {@code T}: list (with the
 * PCE's query parameters; the whole collection, through an async job when it exceeds 500), get by
 * reference (href string, map with href, or a record), create (POST, 201), partial update (PUT,
 * 204) and delete (204). Every call can take a {@link CancellationToken}.
 */
public class ObjectApi<T> {
    /** Fields the PCE manages itself; they are never sent in a create or update body. */
    public static final Set<String> SERVER_MANAGED = Set.of("href", "created_at", "updated_at", "deleted_at",
            "created_by", "updated_by", "deleted_by", "update_type", "caps");

    protected final PceTransport transport;
    protected final CollectionReader reader;
    private final String collectionPath;
    private final JavaType type;

    public ObjectApi(PceTransport transport, CollectionReader reader, String collectionPath, Class<T> type) {
        this.transport = transport;
        this.reader = reader;
        this.collectionPath = collectionPath;
        this.type = PceJson.mapper().constructType(type);
    }

    public String collectionPath() {
        return collectionPath;
    }

    public List<T> list() {
        return list(Map.of());
    }

    public List<T> list(Map<String, ?> query) {
        return list(query, CancellationToken.none(), Progress.Listener.NONE);
    }

    /** The whole collection matching {@code query} (a {@code max_results} in it is honoured as given). */
    public List<T> list(Map<String, ?> query, CancellationToken token, Progress.Listener progress) {
        return reader.read(PceRequest.of("GET", collectionPath).withQuery(query), rawType(), token, progress);
    }

    /** How many objects match, from {@code X-Total-Count}, without fetching them. */
    public long count(Map<String, ?> query, CancellationToken token) {
        return reader.count(PceRequest.of("GET", collectionPath).withQuery(query), token);
    }

    public T get(Object ref) {
        return get(ref, CancellationToken.none());
    }

    public T get(Object ref, CancellationToken token) {
        return convert(transport.send(PceRequest.of("GET", Refs.href(ref)), token).json());
    }

    public T create(Object body) {
        return create(body, CancellationToken.none());
    }

    /** POSTs {@code body} (a record, map or JSON object; server-managed fields are left out). */
    public T create(Object body, CancellationToken token) {
        return convert(transport.send(PceRequest.of("POST", collectionPath).withBody(bodyBytes(body)), token).json());
    }

    public void update(Object ref, Object changes) {
        update(ref, changes, CancellationToken.none());
    }

    /** PUTs a partial update: only the fields in {@code changes} change (server-managed ones are dropped). */
    public void update(Object ref, Object changes, CancellationToken token) {
        transport.send(PceRequest.of("PUT", Refs.href(ref)).withBody(bodyBytes(changes)), token);
    }

    public void delete(Object ref) {
        delete(ref, CancellationToken.none());
    }

    public void delete(Object ref, CancellationToken token) {
        transport.send(PceRequest.of("DELETE", Refs.href(ref)), token);
    }

    @SuppressWarnings("unchecked")
    protected Class<T> rawType() {
        return (Class<T>) type.getRawClass();
    }

    protected T convert(JsonNode n) {
        try {
            return PceJson.mapper().readerFor(type).readValue(n);
        } catch (IOException e) {
            throw new PceException("Cannot read " + type.getRawClass().getSimpleName() + " from the PCE's answer: " + e.getMessage(), e);
        }
    }

    protected List<T> convertAll(ArrayNode array) {
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            out.add(convert(n));
        }
        return out;
    }

    /** The JSON body for a create or update, without server-managed fields. */
    public static byte[] bodyBytes(Object body) {
        return jsonBytes(bodyTree(body));
    }

    /** {@code body} as a JSON tree without server-managed fields. */
    public static JsonNode bodyTree(Object body) {
        JsonNode tree = body instanceof JsonNode j ? j.deepCopy() : PceJson.mapper().valueToTree(body);
        if (tree instanceof ObjectNode o) {
            o.remove(SERVER_MANAGED);
        }
        return tree;
    }

    public static byte[] jsonBytes(JsonNode tree) {
        try {
            return PceJson.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new PceException("Cannot write the request body: " + e.getMessage(), e);
        }
    }
}
