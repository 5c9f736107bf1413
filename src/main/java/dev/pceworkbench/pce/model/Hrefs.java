package dev.pceworkbench.pce.model;

/**
 * The one place that reads and rewrites PCE hrefs. Policy objects live under
 * {@code /orgs/{org}/sec_policy/{draft|active|N}/...}; the same object in another version has the
 * same href but for that segment, so {@link #neutral} (the draft form) is the key that names it in
 * every version. Every method is null-safe: a null href gives null (or false).
 */
public final class Hrefs {
    private static final String MARK = "/sec_policy/";
    private static final java.util.regex.Pattern VERSION_SEGMENT = java.util.regex.Pattern.compile("/sec_policy/(draft|active|\\d+)/");

    private Hrefs() {
    }

    /** Whether {@code href} names a policy object ({@code .../sec_policy/{version}/...}). */
    public static boolean isPolicy(String href) {
        return versionStart(href) >= 0;
    }

    /** The policy version an href is in ("draft", "active", "12"), or null for other hrefs. */
    public static String version(String href) {
        int from = versionStart(href);
        if (from < 0) {
            return null;
        }
        int end = href.indexOf('/', from);
        return end < 0 ? href.substring(from) : href.substring(from, end);
    }

    /**
     * The same object's href in {@code version} ("draft", "active" or a number); hrefs of other
     * objects (labels, workloads) and the bare {@code sec_policy/N} unchanged.
     */
    public static String inVersion(String href, String version) {
        int from = versionStart(href);
        if (from < 0) {
            return href;
        }
        int end = href.indexOf('/', from);
        if (end < 0) {
            return href;
        }
        if (href.regionMatches(from, version, 0, version.length()) && end - from == version.length()) {
            return href;
        }
        return href.substring(0, from) + version + href.substring(end);
    }

    /** The version-neutral key of an href: its draft form (other hrefs unchanged). */
    public static String neutral(String href) {
        return inVersion(href, "draft");
    }

    /**
     * Every policy href inside a text (a JSON document, a message) in its version-neutral form, so
     * two texts that differ only in the versions of the hrefs they hold compare equal.
     */
    public static String neutralIn(String text) {
        return text == null ? null : VERSION_SEGMENT.matcher(text).replaceAll(MARK + "draft/");
    }

    /** The draft href of an active or numbered policy object. */
    public static String toDraft(String href) {
        return inVersion(href, "draft");
    }

    /** The active href of a draft or numbered policy object (the illumio library's {@code convert_draft_href_to_active}). */
    public static String toActive(String href) {
        return inVersion(href, "active");
    }

    /** Whether two hrefs name the same object, in whatever policy version each is written. */
    public static boolean sameObject(String a, String b) {
        return a == null ? b == null : b != null && neutral(a).equals(neutral(b));
    }

    /** The last segment of an href ({@code /orgs/1/labels/7} → {@code 7}). */
    public static String id(String href) {
        if (href == null) {
            return null;
        }
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /**
     * The collection an href is in ({@code /orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9} →
     * {@code sec_rules}, {@code /orgs/1/labels/7} → {@code labels}), or null.
     */
    public static String collection(String href) {
        if (href == null) {
            return null;
        }
        int last = href.lastIndexOf('/');
        if (last <= 0) {
            return null;
        }
        int prev = href.lastIndexOf('/', last - 1);
        return href.substring(prev + 1, last);
    }

    /** A short form for hrefs whose id is unreadable: the id cut to 8 characters ({@code 3f2a9c1e…}). */
    public static String shortId(String href) {
        String id = id(href);
        if (id == null) {
            return "…";
        }
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    private static int versionStart(String href) {
        if (href == null) {
            return -1;
        }
        int i = href.indexOf(MARK);
        if (i < 0) {
            return -1;
        }
        int from = i + MARK.length();
        int end = href.indexOf('/', from);
        String segment = end < 0 ? href.substring(from) : href.substring(from, end);
        return isVersion(segment) ? from : -1;
    }

    /** "draft", "active" or a version number: the segments that name a policy version. */
    private static boolean isVersion(String segment) {
        if (segment.equals("draft") || segment.equals("active")) {
            return true;
        }
        if (segment.isEmpty()) {
            return false;
        }
        for (int k = 0; k < segment.length(); k++) {
            if (!Character.isDigit(segment.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
