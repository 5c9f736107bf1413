package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compact search form of every rule of one version, built once off the FX thread when the rule
 * filter first runs: each distinct actor or service reference, inline port, user group,
 * description and All Workloads becomes a numbered term, and each rule the run of its term numbers
 * in one flat {@code int[]}. A query then matches each distinct term once (a few thousand names, or
 * 50,000 with workloads; repeated descriptions once) and scans flat arrays, instead of walking the
 * records of 200,000 rules, whose pointer chasing dominated the filter's time. A term is matched
 * against the very text the tables show ({@link Name#display()}, from {@link Names}): references
 * are named at query time through the current {@link ActorNames}, so workload hostnames match once
 * they are loaded. It costs about 40 bytes a rule and keeps no string copies of references.
 */
final class RuleTerms {
    private static final byte TEXT = 0;
    private static final byte ACTOR = 1;
    private static final byte SERVICE = 2;
    private static final byte DESCRIPTION = 3;
    private static final int CHECK_EVERY = 4096;

    private final List<RuleSet> ruleSets;
    private final SecRule[] rules;
    private final int[] ruleSetOf;
    private final int[] start;
    private final int[] terms;
    /** A TEXT term's lower-case display text, a DESCRIPTION's text; null for references. */
    private final String[] termText;
    /** An ACTOR term's actor (the first of its href). */
    private final Actor[] termActor;
    /** A SERVICE term's service reference. */
    private final IngressService[] termService;
    private final byte[] termKind;

    private RuleTerms(List<RuleSet> ruleSets, SecRule[] rules, int[] ruleSetOf, int[] start, int[] terms,
                      String[] termText, Actor[] termActor, IngressService[] termService, byte[] termKind) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.ruleSetOf = ruleSetOf;
        this.start = start;
        this.terms = terms;
        this.termText = termText;
        this.termActor = termActor;
        this.termService = termService;
        this.termKind = termKind;
    }

    /** Whether these terms were built from {@code sets} (the very list: a reload makes a new one). */
    boolean isFor(List<RuleSet> sets) {
        return ruleSets == sets;
    }

    static RuleTerms build(List<RuleSet> sets, CancellationToken token) {
        int n = RuleFilter.count(sets);
        SecRule[] rules = new SecRule[n];
        int[] ruleSetOf = new int[n];
        int[] start = new int[n + 1];
        int[] flat = new int[Math.max(16, n * 4)];
        int used = 0;
        Builder b = new Builder();
        int i = 0;
        for (int s = 0; s < sets.size(); s++) {
            for (SecRule r : sets.get(s).rules()) {
                if (i % CHECK_EVERY == 0) {
                    token.throwIfCancelled("Preparing the rule filter");
                }
                rules[i] = r;
                ruleSetOf[i] = s;
                start[i] = used;
                int need = r.providers().size() + r.consumers().size() + r.ingressServices().size()
                        + r.consumingSecurityPrincipals().size() + 1;
                if (used + need > flat.length) {
                    flat = Arrays.copyOf(flat, Math.max(flat.length * 3 / 2, used + need));
                }
                used = b.actors(r.providers(), flat, used);
                used = b.actors(r.consumers(), flat, used);
                for (IngressService svc : r.ingressServices()) {
                    flat[used++] = svc.serviceRef() ? b.service(svc) : b.port(svc);
                }
                for (Href group : r.consumingSecurityPrincipals()) {
                    flat[used++] = b.userGroup(group);
                }
                if (r.description() != null && !r.description().isEmpty()) {
                    flat[used++] = b.description(r.description());
                }
                i++;
            }
        }
        start[n] = used;
        byte[] kinds = new byte[b.kinds.size()];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = b.kinds.get(k);
        }
        return new RuleTerms(sets, rules, ruleSetOf, start, Arrays.copyOf(flat, used),
                b.texts.toArray(new String[0]), b.actors.toArray(new Actor[0]), b.services.toArray(new IngressService[0]), kinds);
    }

    /** Numbers the distinct terms while the rules are read. */
    private static final class Builder {
        final Map<String, Integer> actorHrefs = new HashMap<>();
        final Map<String, Integer> serviceHrefs = new HashMap<>();
        final Map<String, Integer> groupHrefs = new HashMap<>();
        final Map<Long, Integer> ports = new HashMap<>();
        final Map<String, Integer> descriptions = new HashMap<>();
        final List<String> texts = new ArrayList<>(List.of(lower(Names.allWorkloads())));
        final List<Actor> actors = new ArrayList<>(java.util.Collections.singletonList(null));
        final List<IngressService> services = new ArrayList<>(java.util.Collections.singletonList(null));
        final List<Byte> kinds = new ArrayList<>(List.of(TEXT));

        int actors(List<Actor> list, int[] flat, int used) {
            for (Actor a : list) {
                if (a.allWorkloadsActor()) {
                    flat[used++] = 0;
                } else if (a.ref() != null && a.ref().href() != null) {
                    flat[used++] = actorHrefs.computeIfAbsent(a.ref().href(), h -> add(null, a, null, ACTOR));
                }
            }
            return used;
        }

        int service(IngressService s) {
            return s.href() == null ? 0 : serviceHrefs.computeIfAbsent(s.href(), h -> add(null, null, s, SERVICE));
        }

        int userGroup(Href group) {
            // A user group is named by its reference alone: its text is known now.
            return groupHrefs.computeIfAbsent(String.valueOf(group.href()), h -> add(lower(Names.userGroup(group)), null, null, TEXT));
        }

        int description(String d) {
            return descriptions.computeIfAbsent(d, x -> add(x, null, null, DESCRIPTION));
        }

        int port(IngressService s) {
            return ports.computeIfAbsent(portKey(s), k -> add(lower(Names.service(s, NameLookup.NONE)), null, null, TEXT));
        }

        private int add(String text, Actor actor, IngressService service, byte kind) {
            texts.add(text);
            actors.add(actor);
            services.add(service);
            kinds.add(kind);
            return texts.size() - 1;
        }

        private static String lower(Name n) {
            return n.display().toLowerCase(Locale.ROOT);
        }
    }

    private static long portKey(IngressService s) {
        long port = s.port() == null ? 0xFFFFF : s.port() & 0xFFFFF;
        long to = s.toPort() == null ? 0xFFFFF : s.toPort() & 0xFFFFF;
        long proto = s.proto() == null ? 0xFFF : s.proto() & 0xFFF;
        return port << 32 | to << 12 | proto;
    }

    /**
     * The rules matching {@code lowerQuery} (see {@link RuleFilter}); names come from {@code names},
     * so workload hostnames match once they are loaded.
     */
    List<RuleRow> filter(String lowerQuery, ActorNames names, CancellationToken token) {
        boolean[] termHit = new boolean[termText.length];
        for (int t = 0; t < termHit.length; t++) {
            termHit[t] = switch (termKind[t]) {
                case ACTOR -> RuleFilter.containsIgnoreCase(names.actor(termActor[t]).display(), lowerQuery);
                case SERVICE -> RuleFilter.containsIgnoreCase(names.service(termService[t]).display(), lowerQuery);
                case DESCRIPTION -> RuleFilter.containsIgnoreCase(termText[t], lowerQuery);
                default -> termText[t].contains(lowerQuery);
            };
        }
        boolean[] setHit = new boolean[ruleSets.size()];
        for (int s = 0; s < setHit.length; s++) {
            String name = ruleSets.get(s).name();
            setHit[s] = name != null && RuleFilter.containsIgnoreCase(name, lowerQuery);
        }
        List<RuleRow> out = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (i % CHECK_EVERY == 0) {
                token.throwIfCancelled("Filtering rules");
            }
            if (setHit[ruleSetOf[i]] || anyHit(termHit, start[i], start[i + 1])) {
                out.add(new RuleRow(ruleSets.get(ruleSetOf[i]), rules[i]));
            }
        }
        return out;
    }

    private boolean anyHit(boolean[] hit, int from, int to) {
        for (int j = from; j < to; j++) {
            if (hit[terms[j]]) {
                return true;
            }
        }
        return false;
    }

    /** The number of rules. */
    int size() {
        return rules.length;
    }
}
