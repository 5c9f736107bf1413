package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Turns the ways a caller may name an object into its href: an href string, a map or JSON object
 * with an {@code href}, or any object with an {@code href()} accessor (the model records).
 */
public final class Refs {
    /** Anything that knows its href: model records implement it. */
    public interface HasHref {
        String href();
    }

    private Refs() {
    }

    public static String href(Object ref) {
        if (ref == null) {
            throw new IllegalArgumentException("No object reference given");
        }
        String href;
        if (ref instanceof CharSequence s) {
            href = s.toString();
        } else if (ref instanceof HasHref h) {
            href = h.href();
        } else if (ref instanceof Map<?, ?> m && m.get("href") != null) {
            href = String.valueOf(m.get("href"));
        } else if (ref instanceof JsonNode n && n.path("href").isTextual()) {
            href = n.get("href").asText();
        } else {
            try {
                var m = ref.getClass().getMethod("href");
                href = String.valueOf(m.invoke(ref));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot tell the href of " + ref.getClass().getSimpleName()
                        + ": pass an href string, a map with 'href' or an object with href()");
            }
        }
        if (href == null || !href.startsWith("/")) {
            throw new IllegalArgumentException("Not a PCE href: '" + href + "' (hrefs look like /orgs/1/labels/7)");
        }
        return href;
    }
}
