package dev.pceworkbench.ui.containerclusters;

import java.util.List;

/** The PCE's enforcement modes of a container workload profile, and how the view writes them. */
public final class Enforcement {
    /** In the PCE's order, from none to full. */
    public static final List<String> MODES = List.of("idle", "visibility_only", "selective", "full");

    private Enforcement() {
    }

    public static String words(String mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case "idle" -> "Idle";
            case "visibility_only" -> "Visibility only";
            case "selective" -> "Selective";
            case "full" -> "Full";
            default -> mode;
        };
    }
}
