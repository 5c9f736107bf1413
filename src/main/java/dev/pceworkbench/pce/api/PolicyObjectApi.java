package dev.pceworkbench.pce.api;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.model.Hrefs;

import java.util.List;
import java.util.Map;

/**
 * A policy object type under {@code /orgs/{org}/sec_policy/{version}/}: lists read any version
 * ({@code draft}, {@code active} or a version number); changes go to the draft (the PCE refuses
 * them elsewhere) and become active only by provisioning.
 */
public class PolicyObjectApi<T> extends ObjectApi<T> {
    private final String orgPrefix;
    private final String collection;

    public PolicyObjectApi(PceTransport transport, CollectionReader reader, String orgPrefix, String collection, Class<T> type) {
        super(transport, reader, orgPrefix + "/sec_policy/draft/" + collection, type);
        this.orgPrefix = orgPrefix;
        this.collection = collection;
    }

    /** The collection path in a version: {@code draft}, {@code active} or a number. */
    public String path(String version) {
        return orgPrefix + "/sec_policy/" + version + "/" + collection;
    }

    /** The whole collection in {@code version}. */
    public List<T> list(String version, Map<String, ?> query) {
        return list(version, query, CancellationToken.none(), Progress.Listener.NONE);
    }

    public List<T> list(String version, Map<String, ?> query, CancellationToken token, Progress.Listener progress) {
        return reader.read(PceRequest.of("GET", path(version)).withQuery(query), rawType(), token, progress);
    }

    /** The object named by {@code ref}, read in {@code version} (its href is converted). */
    public T get(Object ref, String version, CancellationToken token) {
        return get(Hrefs.inVersion(Refs.href(ref), version), token);
    }
}
