package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.ObjectCollection;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Generic CRUD for org-level collections ({@code /orgs/{id}/labels}, workloads, ...), driven by
 * {@link OrgKind}: list with filters, max_results and async jobs; GET by href; POST 201 with the
 * created object; PUT 204 as a partial update; DELETE 204.
 */
final class OrgApi {
    private final DemoState state;
    private final JobService jobs;
    private final Render render;
    private final Events events;

    OrgApi(DemoState state, JobService jobs, Render render, Events events) {
        this.state = state;
        this.jobs = jobs;
        this.render = render;
        this.events = events;
    }

    /** Registers the routes of {@code kind} under {@code base} (e.g. {@code /orgs/{org}/labels}). */
    void routes(Router r, String base, OrgKind kind, Function<ApiRequest, String> hrefPrefix) {
        r.get(base, req -> list(req, kind, hrefPrefix.apply(req)));
        r.get(base + "/{id}", req -> {
            JsonNode one = get(kind, hrefPrefix.apply(req) + "/" + req.pathParam("id"));
            return ApiResponse.ok(wantsUsage(req, kind) ? state.read(() -> LabelUsage.of(state).with((ObjectNode) one)) : one);
        });
        if (kind.creatable()) {
            r.post(base, req -> ApiResponse.created(create(req, kind, hrefPrefix.apply(req))));
        }
        if (kind.updatable()) {
            r.put(base + "/{id}", req -> {
                update(req, kind, hrefPrefix.apply(req) + "/" + req.pathParam("id"));
                return ApiResponse.noContent();
            });
        }
        if (kind.deletable()) {
            r.delete(base + "/{id}", req -> {
                delete(req, kind, hrefPrefix.apply(req) + "/" + req.pathParam("id"));
                return ApiResponse.noContent();
            });
        }
    }

    private ApiResponse list(ApiRequest req, OrgKind kind, String prefix) {
        ObjectCollection c = state.collection(kind.collection());
        Collection<ObjectNode> source = c.all();
        var filter = kind.filters().predicate(req);
        LabelUsage usage = wantsUsage(req, kind) ? state.read(() -> LabelUsage.of(state)) : null;
        return Listing.list(req, state, jobs, () -> source,
                n -> n.path("href").asText().startsWith(prefix + "/") && filter.test(n),
                n -> usage == null ? render.org(kind.collection(), (ObjectNode) n) : usage.with((ObjectNode) n), null);
    }

    /** {@code labels?usage=true} adds each label's {@code usage} flags. */
    private static boolean wantsUsage(ApiRequest req, OrgKind kind) {
        return "labels".equals(kind.collection()) && req.boolParam("usage").orElse(false);
    }

    JsonNode get(OrgKind kind, String href) {
        return state.read(() -> {
            ObjectNode n = state.collection(kind.collection()).get(href);
            if (n == null) {
                throw PceApiException.notFound(singular(kind) + " " + href);
            }
            return render.org(kind.collection(), n);
        });
    }

    ObjectNode create(ApiRequest req, OrgKind kind, String prefix) {
        ObjectNode body = Validation.objectBody(req, kind.collection());
        return state.write(() -> {
            ObjectNode node = kind.defaults().get();
            node.setAll(body);
            String id = kind.numericIds() ? Long.toString(state.nextId(kind.collection())) : state.uuid();
            String now = state.timestamp();
            ObjectNode out = node;
            out.put("href", prefix + "/" + id);
            stamp(out, req, now, true);
            kind.validate().accept(null, out);
            state.collection(kind.collection()).put(out);
            events.record(req, kind.collection().replaceAll("s$", "") + ".create", out.get("href").asText(), 201);
            return (ObjectNode) render.org(kind.collection(), out);
        });
    }

    void update(ApiRequest req, OrgKind kind, String href) {
        ObjectNode body = Validation.objectBody(req, kind.collection());
        state.write(() -> {
            ObjectCollection c = state.collection(kind.collection());
            ObjectNode old = c.get(href);
            if (old == null) {
                throw PceApiException.notFound(singular(kind) + " " + href);
            }
            ObjectNode next = Render.shallow(old);
            next.setAll(body);
            stamp(next, req, state.timestamp(), false);
            kind.validate().accept(old, next);
            c.put(next);
            events.record(req, kind.collection().replaceAll("s$", "") + ".update", href, 204);
            return null;
        });
    }

    void delete(ApiRequest req, OrgKind kind, String href) {
        state.write(() -> {
            ObjectCollection c = state.collection(kind.collection());
            ObjectNode old = c.get(href);
            if (old == null) {
                throw PceApiException.notFound(singular(kind) + " " + href);
            }
            kind.beforeDelete().accept(old);
            c.remove(href);
            events.record(req, kind.collection().replaceAll("s$", "") + ".delete", href, 204);
            return null;
        });
    }

    static void stamp(ObjectNode node, ApiRequest req, String now, boolean created) {
        ObjectNode by = node.objectNode().put("href", req.caller().userHref());
        if (created) {
            node.put("created_at", now);
            node.set("created_by", by);
        }
        node.put("updated_at", now);
        node.set("updated_by", by);
    }

    private static String singular(OrgKind kind) {
        String c = kind.collection().replace('_', ' ');
        return Character.toUpperCase(c.charAt(0)) + c.substring(1, c.length() - 1);
    }

    static List<String> idsOf(Collection<ObjectNode> nodes) {
        return nodes.stream().map(n -> n.path("href").asText()).toList();
    }
}
