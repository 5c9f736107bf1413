package dev.pceworkbench.policy.names;

import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;

/**
 * What {@link Names} needs to know to name a reference: the object an href names, in whatever
 * policy version the href is written, or null when it is not known. {@link ObjectNames} is the
 * index views use; the engine's compiled model answers the same questions from its own arrays.
 */
public interface NameLookup {
    /** Knows nothing: every reference is named from itself (expanded key/value or name, else its href). */
    NameLookup NONE = new NameLookup() {
    };

    default Label label(String href) {
        return null;
    }

    default LabelGroup labelGroup(String href) {
        return null;
    }

    default Workload workload(String href) {
        return null;
    }

    default IpList ipList(String href) {
        return null;
    }

    default VirtualService virtualService(String href) {
        return null;
    }

    default Service service(String href) {
        return null;
    }
}
