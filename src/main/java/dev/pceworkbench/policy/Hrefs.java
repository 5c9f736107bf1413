package dev.pceworkbench.policy;

/**
 * Version-neutral forms of policy hrefs: {@code /orgs/1/sec_policy/active/label_groups/7} and its
 * draft or numbered form name the same object, so the engine keys policy objects by the draft form
 * and can compare a draft model with an active one rule by rule.
 */
final class Hrefs {
    private static final String MARK = "/sec_policy/";

    private Hrefs() {
    }

    /** The draft form of a policy href; other hrefs (labels, workloads) unchanged; null stays null. */
    static String neutral(String href) {
        if (href == null) {
            return null;
        }
        int i = href.indexOf(MARK);
        if (i < 0) {
            return href;
        }
        int from = i + MARK.length();
        int end = href.indexOf('/', from);
        if (end < 0 || href.startsWith("draft/", from)) {
            return href;
        }
        return href.substring(0, from) + "draft" + href.substring(end);
    }
}
