package dev.pceworkbench.pce;

import java.util.List;

/**
 * The PCE answered with an error status: the HTTP status, the PCE's own error list
 * ({@code [{"token", "message"}]}), the request id the PCE assigned ({@code X-Request-Id}) and the
 * request that failed. {@link #getMessage()} leads with the PCE's own message.
 */
public class PceApiException extends PceException {
    /** One entry of the PCE's error list. */
    public record PceError(String token, String message) {
    }

    private final int status;
    private final List<PceError> errors;
    private final String requestId;
    private final String method;
    private final String path;

    public PceApiException(int status, List<PceError> errors, String requestId, String method, String path, String rawBody) {
        super(describe(status, errors, method, path, rawBody));
        this.status = status;
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
        this.method = method;
        this.path = path;
    }

    private static String describe(int status, List<PceError> errors, String method, String path, String rawBody) {
        StringBuilder sb = new StringBuilder();
        if (!errors.isEmpty()) {
            for (int i = 0; i < errors.size(); i++) {
                PceError e = errors.get(i);
                sb.append(i == 0 ? "" : "; ").append(e.message() == null || e.message().isBlank() ? e.token() : e.message());
            }
        } else if (rawBody != null && !rawBody.isBlank()) {
            sb.append(rawBody.length() > 300 ? rawBody.substring(0, 300) + "…" : rawBody);
        } else {
            sb.append("HTTP ").append(status);
        }
        sb.append(" (HTTP ").append(status).append(" on ").append(method).append(' ').append(path);
        if (!errors.isEmpty() && errors.get(0).token() != null) {
            sb.append(", ").append(errors.get(0).token());
        }
        return sb.append(')').toString();
    }

    public int status() {
        return status;
    }

    public List<PceError> errors() {
        return errors;
    }

    /** The first error token, or null when the PCE sent none. */
    public String token() {
        return errors.isEmpty() ? null : errors.get(0).token();
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
