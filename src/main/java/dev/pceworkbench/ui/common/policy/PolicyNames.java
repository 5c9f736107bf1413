package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.policy.names.Names;

/**
 * What is left of the old per-view naming: one protocol name for ui/rulesets' {@code PortText}.
 *
 * @deprecated write names with {@link Names} ({@link Names#protocol}, {@link Names#port}); this
 * delegate goes once ui/rulesets has moved over.
 */
@Deprecated(forRemoval = true)
public final class PolicyNames {
    private PolicyNames() {
    }

    /** {@link Names#protocol}, but {@code All Services} for no protocol, as before. */
    public static String protocolName(Integer proto) {
        return proto == null || proto == -1 ? Names.ALL_SERVICES : Names.protocol(proto);
    }
}
