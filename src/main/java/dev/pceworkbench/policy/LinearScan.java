package dev.pceworkbench.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain way to answer both questions: look at every rule of the model, in order, with the same
 * rule test the index uses. It is the baseline the benchmarks measure the index against, and the
 * oracle the tests compare the index with (any rule the index fails to propose shows up here).
 */
public final class LinearScan {
    private final PolicyModel model;

    public LinearScan(PolicyModel model) {
        this.model = model;
    }

    /** The policy check over every rule (see {@link PolicyCheck#check}). */
    public CheckResult check(Endpoint consumer, Endpoint provider, PortRange service) {
        Connection c = new Connection(model, consumer, provider, service);
        List<CheckResult.Allow> allows = new ArrayList<>();
        for (CompiledRule r : model.rules) {
            CheckResult.Allow a = c.evaluate(r);
            if (a != null) {
                allows.add(a);
            }
        }
        return PolicyCheck.result(c, allows);
    }

    /** The rule search over every rule (see {@link RuleSearch}). */
    public List<RuleHit> search(RuleSearch search) {
        RuleSearch.Compiled q = search.compile(model);
        Map<Side, String[]> sideTexts = new HashMap<>();
        Map<PortRange[], String[]> serviceTexts = new IdentityHashMap<>();
        boolean all = search.match() == RuleSearch.Match.ALL;
        List<RuleHit> out = new ArrayList<>();
        for (CompiledRule r : model.rules) {
            if (out.size() >= search.maxResults()) {
                break;
            }
            boolean any = false;
            boolean every = true;
            boolean criteria = false;
            for (int c = 0; c < RuleSearch.Compiled.CRITERIA; c++) {
                if (!q.has(c)) {
                    continue;
                }
                criteria = true;
                boolean m = q.matches(model, r, c, sideTexts, serviceTexts);
                any |= m;
                every &= m;
                if (all && !m) {
                    break;
                }
            }
            boolean hit = !criteria || (all ? every : any);
            if (hit && search.flagsMatch(r)) {
                out.add(model.hit(r));
            }
        }
        return out;
    }
}
