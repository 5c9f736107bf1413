package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.pce.model.WorkloadInterface;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index proposes every rule the linear scan finds: on random orgs full of awkward shapes (rule
 * sets with more than 64 scopes, scope exclusions, nested and unknown label groups, references to
 * missing objects, IPv6, labels resolved as virtual services, disabled rules and rule sets),
 * thousands of random checks and searches give identical answers, reasons included; the verdicts
 * of batches of consumers (by endpoint, and by {@link EndpointClasses}) are each consumer's own.
 */
class IndexEquivalenceTest {
    static final String[] KEYS = {"role", "app", "env", "loc"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void indexAgreesWithLinearScan(long seed) {
        Random rnd = new Random(seed);
        PolicyData data = randomOrg(rnd);
        RuleSearchIndex index = RuleSearchIndex.build(PolicyModel.build(data));
        PolicyCheck check = new PolicyCheck(index);
        LinearScan scan = new LinearScan(index.model());
        EndpointClasses classes = new EndpointClasses(index.model());
        Random others = new Random(seed * 31); // the batch's other consumers, apart from the checks' own draws
        int allowed = 0;
        for (int i = 0; i < 3000; i++) {
            Endpoint c = endpoint(rnd, data);
            Endpoint p = endpoint(rnd, data);
            PortRange s = rnd.nextInt(10) == 0 ? PortRange.protocol(rnd.nextBoolean() ? 1 : 47)
                    : PortRange.of(rnd.nextBoolean() ? 6 : 17, 1 + rnd.nextInt(40));
            CheckResult viaIndex = check.check(c, p, s);
            assertEquals(scan.check(c, p, s), viaIndex, c + " -> " + p + " " + s);
            // The verdict alone (as the traffic impact asks) agrees with the full answer.
            PolicyCheck.Outcome outcome = viaIndex.allowed() ? PolicyCheck.Outcome.ALLOWED
                    : viaIndex.boundaries().isEmpty() ? PolicyCheck.Outcome.NOT_ALLOWED
                    : PolicyCheck.Outcome.NOT_ALLOWED_ACROSS_BOUNDARY;
            assertEquals(outcome, check.decide(c, p, s), c + " -> " + p + " " + s);
            // Batches of consumers to one provider (as FlowDecisions asks, by endpoint classes, whose
            // representatives may be other endpoints of the class) give each consumer's own verdict.
            List<Endpoint> batch = List.of(c, endpoint(others, data), endpoint(others, data), c);
            int[] batchClasses = batch.stream().mapToInt(classes::consumer).toArray();
            PolicyCheck.Outcome[] byList = check.decide(batch, p, s);
            PolicyCheck.Outcome[] byClass = check.batch(classes, List.of(PortRange.of(6, 80), s))
                    .decide(batchClasses, classes.provider(p), 1);
            for (int k = 0; k < batch.size(); k++) {
                PolicyCheck.Outcome own = check.decide(batch.get(k), p, s);
                assertEquals(own, byList[k], "batch " + batch.get(k) + " -> " + p + " " + s);
                assertEquals(own, byClass[k], "classes " + batch.get(k) + " -> " + p + " " + s);
            }
            allowed += viaIndex.allowed() ? 1 : 0;
        }
        assertTrue(allowed > 300, "allowed " + allowed);
        int found = 0;
        for (int i = 0; i < 1000; i++) {
            RuleSearch q = search(rnd, data);
            List<RuleHit> viaIndex = q.run(index);
            assertEquals(scan.search(q), viaIndex);
            found += viaIndex.isEmpty() ? 0 : 1;
        }
        assertTrue(found > 300, "searches with results " + found);
    }

    static Endpoint endpoint(Random rnd, PolicyData d) {
        if (rnd.nextInt(4) == 0) {
            return Endpoint.ip(rnd.nextInt(5) == 0 ? "2001:db8::" + Integer.toHexString(rnd.nextInt(64))
                    : "10.0." + rnd.nextInt(4) + "." + rnd.nextInt(64));
        }
        return Endpoint.workload(pick(rnd, d.workloads()).href());
    }

    static <T> T pick(Random rnd, List<T> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    static String label(int key, int value) {
        return "/orgs/1/labels/" + (key * 10 + value);
    }

    static PolicyData randomOrg(Random rnd) {
        List<Label> labels = new ArrayList<>();
        for (int k = 0; k < KEYS.length; k++) {
            for (int v = 0; v < 5; v++) {
                labels.add(new Label(label(k, v), KEYS[k], KEYS[k] + v, null, null, null));
            }
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<Href> ls = new ArrayList<>();
            for (int k = 0; k < KEYS.length; k++) {
                if (rnd.nextInt(8) != 0) {
                    ls.add(Href.of(label(k, rnd.nextInt(5))));
                }
            }
            String ip = rnd.nextInt(6) == 0 ? "2001:db8::" + Integer.toHexString(i) : "10.0." + (i % 4) + "." + (i % 64);
            workloads.add(new Workload("/orgs/1/workloads/w" + i, null, null, "w" + i, null, ls,
                    List.of(WorkloadInterface.of("eth0", ip)), null, null, null, null, null, null, null, null, null, null, null, null));
        }
        List<LabelGroup> groups = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            int k = g % KEYS.length;
            List<Href> subs = g >= 4 ? List.of(Href.of(group(g - 4)), Href.of(group(99))) : List.of();
            groups.add(new LabelGroup(group(g), "LG-" + g, null, KEYS[k], List.of(Href.of(label(k, g % 5)),
                    Href.of(label(k, (g + 2) % 5))), subs, null));
        }
        List<IpList> ipLists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ipLists.add(new IpList(policy("ip_lists", i), "IPL-" + i, null, List.of(IpRange.of("10.0." + (i % 4) + ".0/26"),
                    new IpRange("10.0." + (i % 4) + "." + i * 8, null, true, null, null),
                    new IpRange("2001:db8::" + i, "2001:db8::" + (i * 9), false, null, null)), null, null));
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            services.add(new Service(policy("services", i), "S-" + i, null, null, null, i == 0
                    ? List.of(new ServicePort(null, null, -1, null, null, null))
                    : List.of(ServicePort.range(i * 5, i * 5 + 3, 6), ServicePort.of(i * 6, 17)), null, null));
        }
        List<VirtualService> vss = new ArrayList<>();
        List<ServiceBinding> bindings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vss.add(new VirtualService(policy("virtual_services", i), "VS-" + i, null, List.of(ServicePort.of(30 + i, 6)), null,
                    null, List.of(Href.of(label(0, i)), Href.of(label(1, i))), null, null, null, null));
            bindings.add(new ServiceBinding("/orgs/1/service_bindings/" + i, Href.of(policy("virtual_services", i)),
                    Href.of(pick(rnd, workloads).href()), null, i % 2 == 0 ? List.of() : List.of(ServiceBinding.PortOverride.of(30 + i, 6, 35)), null));
        }
        List<RuleSet> ruleSets = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            List<List<ScopeEntry>> scopes = new ArrayList<>();
            int n = s == 7 ? 70 : rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                List<ScopeEntry> scope = new ArrayList<>();
                for (int k = 1; k < KEYS.length; k++) {
                    int r = rnd.nextInt(6);
                    if (r < 2) {
                        scope.add(ScopeEntry.label(label(k, rnd.nextInt(5))));
                    } else if (r == 2) {
                        scope.add(ScopeEntry.labelGroup(group(k + 4 * rnd.nextInt(2))));
                    } else if (r == 3) {
                        scope.add(new ScopeEntry(Href.of(label(k, rnd.nextInt(5))), null, true, null));
                    }
                }
                scopes.add(scope);
            }
            List<SecRule> rules = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                String href = policy("rule_sets", s) + "/sec_rules/" + r;
                List<String> as = List.of(ResolveLabelsAs.WORKLOADS, ResolveLabelsAs.VIRTUAL_SERVICES);
                ResolveLabelsAs resolve = new ResolveLabelsAs(rnd.nextInt(4) == 0 ? as.subList(rnd.nextInt(2), 2) : List.of(),
                        List.of(), null);
                rules.add(new SecRule(href, "rule " + s + "." + r, rnd.nextInt(15) != 0, actors(rnd, workloads, true),
                        actors(rnd, workloads, false), services(rnd), null, resolve, rnd.nextBoolean(), rnd.nextInt(10) == 0,
                        null, null, null, null, null, null));
            }
            ruleSets.add(new RuleSet(policy("rule_sets", s), "RS-" + s, null, s % 11 != 5, scopes, rules, null, null));
        }
        return PolicyData.empty("draft").withLabels(labels).withWorkloads(workloads).withLabelGroups(groups)
                .withIpLists(ipLists).withServices(services).withVirtualServices(vss).withServiceBindings(bindings)
                .withRuleSets(ruleSets);
    }

    static String group(int g) {
        return policy("label_groups", g);
    }

    static String policy(String collection, int id) {
        return "/orgs/1/sec_policy/draft/" + collection + "/" + id;
    }

    static List<Actor> actors(Random rnd, List<Workload> workloads, boolean provider) {
        List<Actor> out = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            int k = rnd.nextInt(20);
            out.add(switch (k) {
                case 0, 1 -> Actor.allWorkloads();
                case 2, 3 -> Actor.labelGroup(group(rnd.nextInt(9)));
                case 4, 5 -> Actor.workload(pick(rnd, workloads).href());
                case 6, 7 -> Actor.ipList(policy("ip_lists", rnd.nextInt(7)));
                case 8 -> Actor.virtualService(policy("virtual_services", rnd.nextInt(4)));
                case 9 -> Actor.label("/orgs/1/labels/999");
                default -> Actor.label(label(rnd.nextInt(KEYS.length), rnd.nextInt(5)));
            });
        }
        return out;
    }

    static List<IngressService> services(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> List.of();
            case 1 -> List.of(IngressService.service(policy("services", rnd.nextInt(7))));
            case 2 -> List.of(new IngressService(null, null, null, rnd.nextBoolean() ? 1 : 47, null, null, null));
            default -> List.of(IngressService.range(1 + rnd.nextInt(30), 1 + rnd.nextInt(40), rnd.nextBoolean() ? 6 : 17),
                    IngressService.port(1 + rnd.nextInt(40), 6));
        };
    }

    static RuleSearch search(Random rnd, PolicyData d) {
        RuleSearch.Builder q = RuleSearch.builder().resolveActors(rnd.nextBoolean())
                .match(rnd.nextBoolean() ? RuleSearch.Match.ALL : RuleSearch.Match.ANY);
        List<Actor> pool = List.of(Actor.allWorkloads(), Actor.label(label(rnd.nextInt(4), rnd.nextInt(5))),
                Actor.labelGroup(group(rnd.nextInt(8))), Actor.workload(pick(rnd, d.workloads()).href()),
                Actor.ipList(policy("ip_lists", rnd.nextInt(6))), Actor.virtualService(policy("virtual_services", rnd.nextInt(4))));
        switch (rnd.nextInt(4)) {
            case 0 -> q.provider(pick(rnd, pool));
            case 1 -> q.consumer(rnd.nextBoolean() ? RuleSearch.ActorFilter.of(pick(rnd, pool)) : RuleSearch.ActorFilter.ip("10.0.1." + rnd.nextInt(64)));
            case 2 -> q.providerOrConsumer(pick(rnd, pool));
            default -> { }
        }
        if (rnd.nextBoolean()) {
            q.port(new PortRange(rnd.nextInt(5) == 0 ? -1 : 6, rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(40), 40));
        }
        if (rnd.nextInt(4) == 0) {
            q.service(policy("services", rnd.nextInt(6)));
        }
        if (rnd.nextInt(4) == 0) {
            q.text(pick(rnd, List.of("rs-1", "role1", "lg-", "udp", "all workloads", "w1", "s-3", "rule 2")));
        }
        if (rnd.nextInt(6) == 0) {
            q.description("." + rnd.nextInt(20));
        }
        if (rnd.nextInt(5) == 0) {
            q.enabled(rnd.nextBoolean()).unscopedConsumers(rnd.nextBoolean() ? null : rnd.nextBoolean());
        }
        return q.build();
    }
}
