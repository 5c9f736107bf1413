package dev.pceworkbench.demo.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a method and a path template such as {@code /orgs/{org}/sec_policy/{pv}/rule_sets/{id}} to a
 * handler. A path that matches with another method answers 405; a path that matches nothing, 404.
 */
public final class Router {
    /** Handles one request; the response is written through {@link ApiResponse}. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Router.class.getName());

    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Handler h) {
        return add("GET", template, h);
    }

    public Router post(String template, Handler h) {
        return add("POST", template, h);
    }

    public Router put(String template, Handler h) {
        return add("PUT", template, h);
    }

    public Router delete(String template, Handler h) {
        return add("DELETE", template, h);
    }

    public Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /**
     * A handler whose unexpected failures become the PCE's plain 500: the exception is logged here,
     * and the answer names neither its class nor its message (no internals leak to clients).
     */
    private static Handler guarded(Handler h) {
        return req -> {
            try {
                return h.handle(req);
            } catch (PceApiException | InterruptedException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                LOG.log(java.util.logging.Level.WARNING, "Demo PCE failed on " + req.method() + " " + req.path()
                        + " (request " + req.requestId() + ")", e);
                throw PceApiException.internal(req.requestId());
            } finally {
                req.discardUnreadBody();
            }
        };
    }

    /** Finds the handler for the request and binds its path parameters; 404 or 405 when none fits. */
    public Handler resolve(ApiRequest request) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            if (!r.method().equals(request.method())) {
                allowed.add(r.method());
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.names().size(); i++) {
                params.put(r.names().get(i), m.group(i + 1));
            }
            request.pathParams(params);
            return guarded(r.handler());
        }
        request.discardUnreadBody();
        if (!allowed.isEmpty()) {
            throw new PceApiException(405, List.of(new PceApiException.ErrorItem("method_not_allowed",
                    request.method() + " is not allowed on " + request.path())), Map.of("Allow", String.join(", ", allowed)));
        }
        throw new PceApiException(404, "not_found", "No such API endpoint: " + request.path());
    }
}
