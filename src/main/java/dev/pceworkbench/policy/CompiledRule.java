package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.SecRule;

/**
 * A security rule as the engine uses it: its record and rule set, whether it can allow anything
 * ({@link #active}: the rule and its rule set are enabled), both sides, its ingress services
 * flattened into port ranges (service objects resolved) plus the service hrefs it names, and how
 * label actors resolve on each side.
 */
final class CompiledRule {
    final int index;
    final CompiledRuleSet ruleSet;
    final SecRule record;
    final boolean enabled;
    final boolean active;
    final boolean unscopedConsumers;
    final Side providers;
    final Side consumers;
    /** Empty means "no services": on a virtual service, the virtual service's own (bound) ports. */
    final PortRange[] services;
    final String[] serviceHrefs;
    final boolean providersAsWorkloads;
    final boolean providersAsVirtualServices;
    final boolean consumersAsWorkloads;
    final boolean consumersAsVirtualServices;

    CompiledRule(int index, CompiledRuleSet ruleSet, SecRule record, Side providers, Side consumers,
                 PortRange[] services, String[] serviceHrefs, boolean[] resolve) {
        this.index = index;
        this.ruleSet = ruleSet;
        this.record = record;
        this.enabled = !Boolean.FALSE.equals(record.enabled());
        this.active = enabled && ruleSet.enabled;
        this.unscopedConsumers = Boolean.TRUE.equals(record.unscopedConsumers());
        this.providers = providers;
        this.consumers = consumers;
        this.services = services;
        this.serviceHrefs = serviceHrefs;
        this.providersAsWorkloads = resolve[0];
        this.providersAsVirtualServices = resolve[1];
        this.consumersAsWorkloads = resolve[2];
        this.consumersAsVirtualServices = resolve[3];
    }
}
