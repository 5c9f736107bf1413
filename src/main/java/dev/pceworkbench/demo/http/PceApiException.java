package dev.pceworkbench.demo.http;

import java.util.List;
import java.util.Map;

/**
 * An error the demo PCE answers with: an HTTP status and the PCE's JSON error list
 * ({@code [{"token": ..., "message": ...}]}), plus optional extra response headers.
 */
public final class PceApiException extends RuntimeException {
    private final int status;
    private final List<ErrorItem> errors;
    private final Map<String, String> headers;

    /** One entry of the PCE's error list. */
    public record ErrorItem(String token, String message) {
    }

    public PceApiException(int status, String token, String message) {
        this(status, List.of(new ErrorItem(token, message)), Map.of());
    }

    public PceApiException(int status, List<ErrorItem> errors, Map<String, String> headers) {
        super(errors.isEmpty() ? "HTTP " + status : errors.get(0).token() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public List<ErrorItem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The PCE's plain 500: no internals, only the request id under which the log has the details. */
    public static PceApiException internal(String requestId) {
        return new PceApiException(500, "internal_server_error",
                "The PCE could not handle the request; its log has the details under request id " + requestId);
    }

    public static PceApiException notFound(String what) {
        return new PceApiException(404, "not_found", what + " not found");
    }

    public static PceApiException invalid(String message) {
        return new PceApiException(406, "input_validation_error", message);
    }

    public static PceApiException badRequest(String message) {
        return new PceApiException(400, "invalid_request", message);
    }

    public static PceApiException readOnly(String path) {
        return new PceApiException(405, "method_not_allowed",
                "Policy objects can only be changed in the draft policy version: " + path);
    }
}
