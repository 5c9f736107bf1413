package dev.pceworkbench.demo.data;

import dev.pceworkbench.demo.store.PolicyType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.GenContext.Label;
import dev.pceworkbench.demo.data.GenContext.Workload;
import dev.pceworkbench.demo.data.LabelGenerator.Deployment;
import dev.pceworkbench.demo.data.RuleFactory.Spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule sets: a handful of hand-written ones that together show every kind of rule (global
 * infrastructure rules, the rules-guide example HRM | US | Dev, a multi-scope PCI set with virtual
 * services, a label-group scope with custom iptables rules, a disabled set, internet egress), then
 * one generated rule set per app deployment until the scale's counts are reached. Generated rules
 * follow the deployment's tiers (Web to App to DB) and add extra-scope consumers, IP lists,
 * workloads, label groups and virtual services in believable proportions.
 */
final class RuleSetGenerator {
    private static final String[] DESCRIPTIONS = {"", "", "", "Change CHG0041233", "Requested by app owner",
            "Reviewed in quarterly recertification", "Temporary until migration completes", "Monitoring access"};

    private static final String[] PURPOSES = {"Inbound", "Outbound", "Operations", "Migration", "Exceptions"};

    private final GenContext ctx;
    private final RuleFactory f;
    private final Map<String, List<Workload>> workloadsByDeployment = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private List<Deployment> genericUnits;
    private int[] genericRules;

    RuleSetGenerator(GenContext ctx, RuleFactory factory) {
        this.ctx = ctx;
        this.f = factory;
        for (Workload w : ctx.workloads) {
            workloadsByDeployment.computeIfAbsent(w.app().href() + w.env().href() + w.loc().href(), k -> new ArrayList<>()).add(w);
        }
    }

    // ---- hand-written rule sets -----------------------------------------------------------

    void specialRuleSets(long at) {
        Workload jump = first(w -> w.role().value().equals("Jump") && w.managed());
        RuleFactory.RuleSetDraft core = f.ruleSet(at)
                .add(new Spec(f.actors(f.label("role", "DNS")), f.actors(ctx.ams()), f.services("S-DNS")))
                .add(new Spec(f.actors(f.label("role", "AD")), f.actors(ctx.ams()), f.services("S-AD", "S-LDAP")))
                .add(new Spec(f.actors(f.label("role", "NTP")), f.actors(ctx.ams()), f.services("S-NTP")))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.label("role", "Monitoring")),
                        ctx.array(ctx.port(161, -1, 17), ctx.ref(ctx.services.get("S-Prometheus")))).describe("SNMP polling and metrics scraping"))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.labelGroup("LG-R-Admin-Tools")), f.services("S-SSH")))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.workload(jump.href())), f.services("S-RDP", "S-WinRM"))
                        .describe("Windows administration from " + jump.hostname()))
                .add(new Spec(f.actors(f.label("role", "Logging")), f.actors(ctx.ams()), f.services("S-Syslog")))
                .add(new Spec(f.actors(f.label("role", "Proxy")), f.actors(ctx.ams()), f.port(3128, -1, 6)))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.ipList("IPL-Vulnerability-Scanners")), f.services("All Services"))
                        .extraScope().describe("Authenticated vulnerability scans"))
                .add(new Spec(f.actors(f.label("role", "DNS")), f.actors(f.ipList("IPL-Corporate-Networks")), f.services("S-DNS"))
                        .extraScope().stateless().describe("Stateless DNS for corporate clients"))
                .add(new Spec(f.actors(f.label("role", "Mail")), f.actors(ctx.ams()), f.services("S-SMTP")))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.label("role", "Backup")), f.services("S-Backup")))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.ipList("IPL-Corporate-Networks")), f.services("S-ICMP-Echo"))
                        .extraScope().stateless());
        put(core, "RS-Core-Infrastructure", "Shared services every workload needs", true, f.scopes());

        // The rules guide walks through this one: scope HRM | US | Dev, a three-tier app.
        RuleFactory.RuleSetDraft hrm = f.ruleSet(at + 60)
                .add(new Spec(f.actors(f.label("role", "Web")), f.actors(f.ipList("IPL-Corporate-Networks")), f.services("S-HTTPS"))
                        .extraScope().describe("Employees reach the HR portal"))
                .add(new Spec(f.actors(f.label("role", "App")), f.actors(f.label("role", "Web")), f.port(8080, -1, 6)))
                .add(new Spec(f.actors(f.label("role", "DB")), f.actors(f.label("role", "App")), f.port(5432, -1, 6)))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.labelGroup("LG-R-Admin-Tools")), f.services("S-SSH")).extraScope());
        put(hrm, "RS-HRM-US-Dev", "Rules guide example: HRM in the US, development", true,
                f.scopes(f.actors(f.label("app", "HRM"), f.label("loc", "US"), f.label("env", "Dev"))));

        RuleFactory.RuleSetDraft pci = f.ruleSet(at + 120)
                .add(new Spec(f.actors(f.virtualService("VS-Payments-Gateway")), f.actors(f.ipList("IPL-Internet")), ctx.emptyArray)
                        .extraScope().resolveAs(f.resolveVirtualServices).describe("Card holders reach the gateway VIP"))
                .add(new Spec(f.actors(f.ipList("IPL-Payment-Processor")), f.actors(f.label("role", "App")), f.services("S-HTTPS"))
                        .describe("Authorisations to the acquirer"))
                .add(new Spec(f.actors(f.label("role", "DB")), f.actors(f.label("role", "App")), f.services("S-PostgreSQL")))
                .add(new Spec(f.actors(f.label("role", "App")), f.actors(f.labelGroup("LG-A-Finance")), f.services("S-Web-Alt"))
                        .extraScope().resolveAs(f.resolveBoth))
                .add(new Spec(f.actors(f.label("role", "DB")), f.actors(f.ipList("IPL-Partner-Acme")), f.services("S-PostgreSQL"))
                        .extraScope().disabled().describe("Vendor access, disabled until the next audit window"))
                .add(new Spec(f.actors(f.label("role", "App")), f.actors(f.label("role", "App")), f.port(7800, 7900, 6))
                        .describe("Cluster replication"));
        put(pci, "RS-Payments-PCI", "Cardholder data environment, production and DR", true,
                f.scopes(f.actors(f.label("app", "Payments"), f.label("env", "Prod")),
                        f.actors(f.label("app", "Payments"), f.label("env", "DR"))));

        RuleFactory.RuleSetDraft nonProd = f.ruleSet(at + 180)
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.labelGroup("LG-R-Admin-Tools")), f.services("S-SSH", "S-RDP")).extraScope())
                .add(new Spec(f.actors(ctx.ams()), f.actors(ctx.ams()), f.services("S-Well-Known"))
                        .describe("Developers may use well-known ports inside each environment"))
                .add(new Spec(f.actors(ctx.ams()), f.actors(f.ipList("IPL-VPN-Users")), f.services("S-HTTP", "S-SSH")).extraScope())
                .ipTables("Allow the legacy app port until the VEN rollout completes", "-p tcp --dport 8080 -j ACCEPT",
                        f.label("role", "App"))
                .ipTables("Database replication from the old cluster", "-p tcp -s 10.10.0.0/16 --dport 5432 -j ACCEPT",
                        f.label("role", "DB"));
        put(nonProd, "RS-NonProd-Admin", "Admin access to every non-production environment", true,
                f.scopes(f.actors(f.labelGroup("LG-E-NonProd"))));

        RuleFactory.RuleSetDraft legacy = f.ruleSet(at + 240)
                .add(new Spec(f.actors(ctx.ams()), f.actors(ctx.ams()), f.services("All Services")))
                .add(new Spec(f.actors(f.label("role", "Web")), f.actors(f.ipList("IPL-Partner-Acme")), f.services("S-HTTP")).extraScope());
        put(legacy, "RS-Legacy-Licensing", "Decommissioned with the old licensing servers", false,
                f.scopes(f.actors(f.label("app", "Licensing"))));

        RuleFactory.RuleSetDraft egress = f.ruleSet(at + 300)
                .add(new Spec(f.actors(f.ipList("IPL-Internet")), f.actors(f.label("role", "Proxy")), f.services("S-HTTP")))
                .add(new Spec(f.actors(f.ipList("IPL-SaaS")), f.actors(ctx.ams()), f.services("S-HTTPS")))
                .add(new Spec(f.actors(f.ipList("IPL-IPv6-Corporate")), f.actors(ctx.ams()), f.services("ICMP")))
                .add(new Spec(f.actors(f.ipList("IPL-DC-EU")), f.actors(f.label("role", "LB")), f.services("S-GRE"))
                        .describe("GRE tunnels between the load balancers"))
                .add(new Spec(f.actors(f.virtualService("VS-Mail-Relay")), f.actors(ctx.ams()), ctx.emptyArray)
                        .resolveAs(f.resolveVirtualServices));
        put(egress, "RS-Internet-Egress", "What may leave the company network", true, f.scopes());
    }

    // ---- generated rule sets --------------------------------------------------------------

    /**
     * Chooses the deployments that get a generated rule set and how many rules each holds, so that
     * the totals are exactly {@code ruleSets} and {@code rules} including the hand-written ones.
     */
    void plan(int ruleSets, int rules) {
        List<Deployment> units = new ArrayList<>();
        for (Deployment d : ctx.deployments) {
            // Infrastructure has the hand-written global sets; HRM | Dev is the rules-guide set.
            boolean hrmDev = d.app().value().equals("HRM") && d.env().value().equals("Dev");
            if (!d.app().value().equals("Infrastructure") && !hrmDev) {
                units.add(d);
            }
        }
        java.util.Collections.shuffle(units, ctx.rnd);
        int n = ruleSets - ctx.state.policy().draft().count(dev.pceworkbench.demo.store.PolicyType.RULE_SETS);
        while (units.size() < n) {
            units.addAll(new ArrayList<>(units.subList(0, Math.min(units.size(), n - units.size()))));
        }
        genericUnits = units.subList(0, n);
        genericRules = new int[n];
        int remaining = rules - f.ruleCount;
        for (int i = 0; i < n; i++) {
            int left = n - i;
            int avg = remaining / left;
            int count = i == n - 1 ? remaining : Math.max(1, avg / 2 + ctx.rnd.nextInt(avg + 1));
            genericRules[i] = Math.min(count, remaining - (left - 1));
            remaining -= genericRules[i];
        }
    }

    int plannedGeneric() {
        return genericUnits.size();
    }

    /** Writes generated rule sets {@code from} (inclusive) to {@code to} (exclusive) of the plan. */
    void genericRuleSets(int from, int to, long at) {
        for (int i = from; i < to; i++) {
            generic(i, genericUnits.get(i), genericRules[i], at + i * 30L);
        }
    }

    private void generic(int index, Deployment d, int ruleCount, long at) {
        ArrayNode scopes;
        String name;
        Deployment other = otherEnv(d);
        // Mostly app | env; some app-wide (once per app), some pinned to the location, some multi-scope.
        if (index % 5 == 0 && !names.contains("RS-" + d.app().value())) {
            scopes = f.scopes(f.actors(f.label(d.app())));
            name = "RS-" + d.app().value();
        } else if (index % 7 == 3) {
            scopes = f.scopes(f.actors(f.label(d.app()), f.label(d.env()), f.label(d.loc())));
            name = "RS-" + d.app().value() + "-" + d.env().value() + "-" + d.loc().value();
        } else if (index % 11 == 4 && other != null) {
            scopes = f.scopes(f.actors(f.label(d.app()), f.label(d.env())), f.actors(f.label(d.app()), f.label(other.env())));
            name = "RS-" + d.app().value() + "-" + d.env().value() + "+" + other.env().value();
        } else {
            scopes = f.scopes(f.actors(f.label(d.app()), f.label(d.env())));
            name = "RS-" + d.app().value() + "-" + d.env().value();
        }
        RuleFactory.RuleSetDraft rs = f.ruleSet(at);
        List<Label> roles = d.roles();
        for (int i = 0; i + 1 < roles.size() && rs.rules.size() < ruleCount; i++) {
            rs.add(new Spec(f.actors(f.label(roles.get(i + 1))), f.actors(f.label(roles.get(i))), servicesFor(roles.get(i + 1))));
        }
        while (rs.rules.size() < ruleCount) {
            rs.add(randomRule(d));
        }
        if (index % 13 == 6) {
            rs.ipTables("Host firewall exception for the monitoring agent", "-p tcp --dport 9100 -j ACCEPT",
                    f.label(roles.get(0)));
        }
        put(rs, name, "", true, scopes);
    }

    private Spec randomRule(Deployment d) {
        List<Label> roles = d.roles();
        Label provider = ctx.pick(roles);
        Label consumer = ctx.pick(roles);
        int kind = ctx.rnd.nextInt(100);
        Spec s;
        if (kind < 30) {
            s = new Spec(f.actors(f.label(provider)), f.actors(f.label(consumer)), servicesFor(provider));
        } else if (kind < 45) {
            Deployment o = ctx.pick(ctx.deployments);
            s = new Spec(f.actors(f.label(provider)), f.actors(f.label(o.app()), f.label(ctx.pick(o.roles()))),
                    servicesFor(provider)).extraScope();
        } else if (kind < 53) {
            s = new Spec(f.actors(f.label(roles.get(0))), f.actors(f.ipList(randomIpList())), f.services("S-HTTPS")).extraScope();
            if (ctx.rnd.nextInt(20) == 0) {
                s.stateless();
            }
        } else if (kind < 58) {
            s = new Spec(f.actors(f.label(roles.get(0))), f.actors(ctx.ams()), servicesFor(roles.get(0))).extraScope();
        } else if (kind < 65) {
            s = new Spec(f.actors(f.label(provider)), f.actors(f.labelGroup(pickKey(ctx.labelGroups))), servicesFor(provider)).extraScope();
        } else if (kind < 75) {
            Workload w = ctx.pick(ctx.workloads);
            s = new Spec(f.actors(f.label(provider)), f.actors(f.workload(w.href())),
                    ctx.rnd.nextBoolean() ? f.services("S-SSH") : f.port(8443, -1, 6)).extraScope();
        } else if (kind < 80) {
            List<Workload> own = workloadsByDeployment.get(d.app().href() + d.env().href() + d.loc().href());
            Workload w = own == null ? ctx.pick(ctx.workloads) : ctx.pick(own);
            s = new Spec(f.actors(f.workload(w.href())), f.actors(f.label(consumer)), servicesFor(w.role()));
        } else if (kind < 87) {
            s = new Spec(f.actors(f.ipList(ctx.rnd.nextBoolean() ? "IPL-SaaS" : randomIpList())), f.actors(f.label(consumer)),
                    f.services("S-HTTPS"));
        } else if (kind < 91) {
            s = new Spec(f.actors(f.virtualService(pickKey(ctx.virtualServices))), f.actors(f.label(consumer)), ctx.emptyArray)
                    .extraScope().resolveAs(f.resolveVirtualServices);
        } else if (kind < 94) {
            s = new Spec(f.actors(f.label(provider)), f.actors(f.label(consumer)), servicesFor(provider)).resolveAs(f.resolveBoth);
        } else {
            int port = 8000 + ctx.rnd.nextInt(100) * 10;
            s = new Spec(f.actors(f.label(provider)), f.actors(f.label(consumer)),
                    ctx.rnd.nextInt(3) == 0 ? f.port(port, port + 9, 6) : f.port(port, -1, ctx.rnd.nextInt(4) == 0 ? 17 : 6));
        }
        if (ctx.rnd.nextInt(50) == 0) {
            s.disabled();
        }
        return s.describe(DESCRIPTIONS[ctx.rnd.nextInt(DESCRIPTIONS.length)]);
    }

    /** The ingress services a tier typically offers. */
    private ArrayNode servicesFor(Label role) {
        return switch (role.value()) {
            case "Web", "LB" -> ctx.rnd.nextBoolean() ? f.services("S-HTTPS") : f.services("S-HTTP");
            case "App" -> ctx.rnd.nextBoolean() ? f.port(8080, -1, 6) : f.services("S-Web-Alt");
            case "API" -> f.port(8443, -1, 6);
            case "DB" -> switch (ctx.rnd.nextInt(5)) {
                case 0 -> f.services("S-MSSQL");
                case 1 -> f.services("S-MySQL");
                case 2 -> f.services("S-Oracle");
                case 3 -> f.services("S-PostgreSQL");
                default -> f.port(5432, -1, 6);
            };
            case "Cache" -> f.services("S-Redis");
            case "Queue" -> ctx.rnd.nextBoolean() ? f.services("S-RabbitMQ") : f.services("S-Kafka");
            case "Search" -> f.services("S-Elasticsearch");
            case "Storage" -> f.services("S-NFS");
            default -> ctx.large() && ctx.rnd.nextInt(4) == 0 ? f.services(randomAppService()) : f.services("S-SSH");
        };
    }

    private String randomAppService() {
        List<String> names = new ArrayList<>(ctx.services.keySet());
        return names.get(names.size() - 1 - ctx.rnd.nextInt(Math.min(200, names.size() - 30)));
    }

    private String randomIpList() {
        // Skip "Any": rules that open to every address are left to the hand-written sets.
        List<String> names = new ArrayList<>(ctx.ipLists.keySet());
        String n = names.get(1 + ctx.rnd.nextInt(names.size() - 1));
        return n.equals("IPL-Vendor-Legacy") ? "IPL-Corporate-Networks" : n;
    }

    private String pickKey(Map<String, String> m) {
        List<String> keys = new ArrayList<>(m.keySet());
        return ctx.pick(keys);
    }

    private Deployment otherEnv(Deployment d) {
        for (Deployment o : ctx.deployments) {
            if (o.app().equals(d.app()) && !o.env().equals(d.env())) {
                return o;
            }
        }
        return null;
    }

    // ---- pending --------------------------------------------------------------------------

    /**
     * A new rule set that needs a new (also pending) IP list and a new (also pending) service:
     * provisioning it alone misses two dependencies.
     */
    void pendingRuleSet(long at) {
        RuleFactory.RuleSetDraft rs = f.ruleSet(at)
                .add(new Spec(f.actors(f.label("role", "Web")), f.actors(f.ipList("IPL-Partner-VPN")), f.services("S-HTTPS"))
                        .extraScope().describe("Partner portal over the new VPN"))
                .add(new Spec(f.actors(f.label("role", "App")), f.actors(f.ipList("IPL-Partner-VPN")),
                        f.services("S-Partner-Portal")).extraScope());
        put(rs, "RS-CRM-Partner-VPN", "Partner access (draft, awaiting approval)", true,
                f.scopes(f.actors(f.label("app", "CRM"), f.label("env", "Prod"))));
    }

    private ObjectNode put(RuleFactory.RuleSetDraft rs, String name, String description, boolean enabled, ArrayNode scopes) {
        // A second rule set for the same scope gets a purpose, as admins name them; then a number.
        String unique = name;
        for (int i = 0; !names.add(unique); i++) {
            unique = i < PURPOSES.length ? name + "-" + PURPOSES[i] : name + "-" + (i - PURPOSES.length + 2);
        }
        return rs.put(unique, description, enabled, scopes);
    }

    private Workload first(java.util.function.Predicate<Workload> p) {
        for (Workload w : ctx.workloads) {
            if (p.test(w)) {
                return w;
            }
        }
        throw new IllegalStateException("no matching workload");
    }

    /**
     * Version 3: a disabled, empty rule set left over from a migration; the draft deletes it. It
     * holds no rules on purpose: the client's rule index reads the draft listing, which still shows
     * a rule set pending deletion, while the demo's draft rule search leaves it out, so rules here
     * would make the two disagree (see the closing note of issue 14).
     */
    void retiredRuleSet(long at) {
        put(f.ruleSet(at), "RS-Retired-Mainframe-Bridge", "Mainframe bridge; migration finished, never used", false,
                f.scopes());
    }

    /** A pending deletion: the retired bridge rule set. */
    void pendingRuleSetDelete() {
        String name = "RS-Retired-Mainframe-Bridge";
        ctx.state.policy().draft().of(PolicyType.RULE_SETS).values().stream()
                .filter(n -> n.path("name").asText().equals(name)).findFirst()
                .map(n -> n.get("href").asText())
                .map(href -> ctx.state.policy().draft().of(PolicyType.RULE_SETS).remove(href))
                .orElseThrow(() -> new IllegalStateException(name + " was not generated"));
    }

    /**
     * A pending edit that changes no decision: the first generated rule set (one with no
     * description) and its first rule get descriptions, a rule-level change inside an update.
     */
    void pendingRuleSetEdit(long at) {
        ObjectNode old = ctx.state.policy().draft().of(PolicyType.RULE_SETS).values().stream()
                .filter(n -> n.path("description").asText().isEmpty() && n.path("rules").size() > 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("no generated rule set to edit"));
        ObjectNode n = old.deepCopy();
        n.put("description", "Reviewed with the application owner");
        n.set("updated_at", ctx.tsNode(at));
        ObjectNode rule = (ObjectNode) n.get("rules").get(0);
        rule.put("description", "Tier-to-tier traffic, confirmed in the review");
        rule.set("updated_at", ctx.tsNode(at));
        ctx.putDraft(PolicyType.RULE_SETS, n);
    }
}
