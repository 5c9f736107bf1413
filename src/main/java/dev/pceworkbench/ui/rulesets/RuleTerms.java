package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compact search form of every rule of one version, built once off the FX thread when the rule
 * filter first runs: each distinct actor or service href, inline port, description and All
 * Workloads becomes a numbered term, and each rule the run of its term numbers in one flat
 * {@code int[]}. A query then matches each distinct term once (a few thousand names, or 50,000 with
 * workloads; repeated descriptions once) and scans flat arrays, instead of walking the records of
 * 200,000 rules, whose pointer chasing dominated the filter's time. It costs about 40 bytes a rule
 * and keeps no string copies (terms are the records' own strings).
 */
final class RuleTerms {
    private static final byte ALL_WORKLOADS = 0;
    private static final byte HREF = 1;
    private static final byte PORT = 2;
    private static final byte DESCRIPTION = 3;
    private static final int CHECK_EVERY = 4096;

    private final List<RuleSet> ruleSets;
    private final SecRule[] rules;
    private final int[] ruleSetOf;
    private final int[] start;
    private final int[] terms;
    private final String[] termText;
    private final byte[] termKind;

    private RuleTerms(List<RuleSet> ruleSets, SecRule[] rules, int[] ruleSetOf, int[] start, int[] terms,
                      String[] termText, byte[] termKind) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.ruleSetOf = ruleSetOf;
        this.start = start;
        this.terms = terms;
        this.termText = termText;
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
                int need = r.providers().size() + r.consumers().size() + r.ingressServices().size() + 1;
                if (used + need > flat.length) {
                    flat = Arrays.copyOf(flat, Math.max(flat.length * 3 / 2, used + need));
                }
                used = b.actors(r.providers(), flat, used);
                used = b.actors(r.consumers(), flat, used);
                for (IngressService svc : r.ingressServices()) {
                    flat[used++] = svc.serviceRef() ? b.href(svc.href()) : b.port(svc);
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
                b.texts.toArray(new String[0]), kinds);
    }

    /** Numbers the distinct terms while the rules are read. */
    private static final class Builder {
        final Map<String, Integer> hrefs = new HashMap<>();
        final Map<Long, Integer> ports = new HashMap<>();
        final Map<String, Integer> descriptions = new HashMap<>();
        final List<String> texts = new ArrayList<>(List.of("all workloads"));
        final List<Byte> kinds = new ArrayList<>(List.of(ALL_WORKLOADS));

        int actors(List<Actor> actors, int[] flat, int used) {
            for (Actor a : actors) {
                if (a.allWorkloadsActor()) {
                    flat[used++] = 0;
                } else if (a.ref() != null && a.ref().href() != null) {
                    flat[used++] = href(a.ref().href());
                }
            }
            return used;
        }

        int href(String href) {
            return href == null ? 0 : hrefs.computeIfAbsent(href, h -> add(h, HREF));
        }

        int description(String d) {
            return descriptions.computeIfAbsent(d, x -> add(x, DESCRIPTION));
        }

        int port(IngressService s) {
            return ports.computeIfAbsent(portKey(s), k -> add(PortText.format(s).toLowerCase(Locale.ROOT), PORT));
        }

        private int add(String text, byte kind) {
            texts.add(text);
            kinds.add(kind);
            return texts.size() - 1;
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
                case HREF -> {
                    Chip c = names.chip(termText[t]);
                    yield c != null && RuleFilter.containsIgnoreCase(c.display(), lowerQuery);
                }
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
