package dev.pceworkbench.policy.diff;

import dev.pceworkbench.pce.model.PceResource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The diff's fast path: whether two versions of an object are the same record for record, hrefs
 * compared without their version segment and the members the PCE manages ({@code updated_at},
 * {@code update_type}, {@code caps}...) left out. Stricter than the field-by-field comparison (a
 * reordered list is not the same here), so "same" always means "no change" and anything else goes
 * the full way. Most objects of two versions are unchanged: 200,000 rules are then compared
 * without building a single value. Reads any record through its components.
 */
final class SameObjects {
    private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            Method[] out = new Method[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = c[i].getAccessor();
                out[i].setAccessible(true);
            }
            return out;
        }
    };

    private SameObjects() {
    }

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String s) {
            return b instanceof String t && sameText(s, t);
        }
        if (a instanceof Record) {
            return a.getClass() == b.getClass() && sameRecords(a, b);
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x) {
            return b instanceof Map<?, ?> y && sameMembers(x, y) && sameMembers(y, x);
        }
        return a.equals(b);
    }

    private static boolean sameRecords(Object a, Object b) {
        try {
            for (Method m : COMPONENTS.get(a.getClass())) {
                if (!same(m.invoke(a), m.invoke(b))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false; // cannot tell: the full comparison decides
        }
    }

    /** Every member of {@code x} but the managed ones is in {@code y} with the same value. */
    private static boolean sameMembers(Map<?, ?> x, Map<?, ?> y) {
        for (Map.Entry<?, ?> e : x.entrySet()) {
            if (e.getValue() == null || PceResource.SERVER_MANAGED.contains(String.valueOf(e.getKey()))) {
                continue;
            }
            if (!same(e.getValue(), y.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equal, or two hrefs of one policy object in two versions ({@code draft}, {@code active} or a number). */
    static boolean sameText(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int i = a.indexOf("/sec_policy/");
        if (i < 0 || !b.startsWith("/sec_policy/", i) || !a.regionMatches(0, b, 0, i)) {
            return false;
        }
        int from = i + "/sec_policy/".length();
        int ea = versionEnd(a, from);
        int eb = versionEnd(b, from);
        return ea > 0 && eb > 0 && a.length() - ea == b.length() - eb && a.regionMatches(ea, b, eb, a.length() - ea);
    }

    /** The end of the version segment starting at {@code from}, or -1 when there is none. */
    private static int versionEnd(String s, int from) {
        int end = s.indexOf('/', from);
        if (end < 0) {
            return -1;
        }
        String v = s.substring(from, end);
        if (v.equals("draft") || v.equals("active")) {
            return end;
        }
        if (v.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < v.length(); k++) {
            if (!Character.isDigit(v.charAt(k))) {
                return -1;
            }
        }
        return end;
    }
}
