package dev.pceworkbench.demo.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between draft, active and numbered-version hrefs of policy objects. */
public final class PolicyHrefs {
    private static final Pattern VERSIONED = Pattern.compile("^(/orgs/\\d+/sec_policy/)(draft|active|\\d+)(/.*)$");

    private PolicyHrefs() {
    }

    /** The same object's href in another policy version ({@code draft}, {@code active} or a number). */
    public static String inVersion(String href, String version) {
        if (href == null) {
            return null;
        }
        Matcher m = VERSIONED.matcher(href);
        return m.matches() ? m.group(1) + version + m.group(3) : href;
    }

    public static String toDraft(String href) {
        return inVersion(href, "draft");
    }

    public static boolean isPolicyHref(String href) {
        return href != null && VERSIONED.matcher(href).matches();
    }

    /** The top-level object of a policy href: a rule's href gives its ruleset's. */
    public static String topLevel(String href) {
        int i = href.indexOf("/sec_rules/");
        return i < 0 ? href : href.substring(0, i);
    }
}
