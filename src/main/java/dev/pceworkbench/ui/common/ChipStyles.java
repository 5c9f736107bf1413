package dev.pceworkbench.ui.common;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The style classes of a chip; the colours themselves are in the workbench stylesheet
 * ({@code workbench.css}), made of AtlantaFX's looked-up colours so they follow the theme.
 * {@code chip}, one class per kind ({@code chip-label}, {@code chip-ip-list}...), for labels and
 * label groups one per dimension ({@code chip-dim-0} to {@code chip-dim-7}: role, app, env and loc
 * always 0 to 3, every other dimension one of 4 to 7 by its key, stable across runs), and
 * {@code chip-excluded} for a scope's "not" entry.
 */
public final class ChipStyles {
    /** How many dimension classes the stylesheet defines. */
    public static final int DIMENSIONS = 8;
    private static final List<String> USUAL = List.of("role", "app", "env", "loc");

    private ChipStyles() {
    }

    /** The dimension index of a label key: role 0, app 1, env 2, loc 3, others 4-7 by their key. */
    public static int dimension(String key) {
        int usual = USUAL.indexOf(key);
        if (usual >= 0) {
            return usual;
        }
        return USUAL.size() + Math.floorMod(key.hashCode(), DIMENSIONS - USUAL.size());
    }

    public static String kindClass(ObjectKind kind) {
        return "chip-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style classes of a chip for {@code n}: the workbench's chips look the same in every view. */
    public static List<String> classes(Name n) {
        List<String> out = new ArrayList<>(4);
        out.add("chip");
        out.add(kindClass(n.kind()));
        if ((n.kind() == ObjectKind.LABEL || n.kind() == ObjectKind.LABEL_GROUP) && n.key() != null) {
            out.add("chip-dim-" + dimension(n.key()));
        }
        if (n.excluded()) {
            out.add("chip-excluded");
        }
        return out;
    }
}
