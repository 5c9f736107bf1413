package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.PceApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of a PCE bulk answer (service bindings, {@code virtual_services/bulk_create} and
 * {@code bulk_update}): its position in the request, the href created or updated, and the PCE's
 * own errors when that item failed (the other items are unaffected).
 */
public record BulkItemResult(int index, String href, List<PceApiException.PceError> errors) {
    public BulkItemResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty() && href != null;
    }

    /** The PCE's messages for this item, joined; empty when it succeeded. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        for (PceApiException.PceError e : errors) {
            sb.append(sb.isEmpty() ? "" : "; ").append(e.message() == null || e.message().isBlank() ? e.token() : e.message());
        }
        return sb.toString();
    }

    /** Reads the PCE's per-item array; an item without href or errors is reported as an error. */
    static List<BulkItemResult> fromJson(JsonNode answer, int expected) {
        List<BulkItemResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : answer) {
            List<PceApiException.PceError> errors = new ArrayList<>();
            for (JsonNode e : item.path("errors")) {
                errors.add(new PceApiException.PceError(e.path("token").asText(null), e.path("message").asText(null)));
            }
            String href = item.path("href").isTextual() ? item.get("href").asText() : null;
            if (errors.isEmpty() && href == null) {
                errors.add(new PceApiException.PceError("no_href", "The PCE answered this item without an href: " + item));
            }
            out.add(new BulkItemResult(i++, href, errors));
        }
        while (out.size() < expected) {
            out.add(new BulkItemResult(out.size(), null,
                    List.of(new PceApiException.PceError("no_answer", "The PCE did not answer for this item"))));
        }
        return out;
    }
}
