package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A rule set (a policy object, {@code /orgs/1/sec_policy/draft/rule_sets/<id>}): its
 * {@code scopes} (a list of scopes, each a list of label / label group entries; {@code [[]]} for
 * all), its security {@code rules} and custom {@code ip_tables_rules}. To change only the rule
 * set's own fields, send {@code updateBody("rules", "ip_tables_rules")}.
 */
@PceRecord
public record RuleSet(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("scopes") List<List<ScopeEntry>> scopes,
        @JsonProperty("rules") List<SecRule> rules,
        @JsonProperty("ip_tables_rules") List<IpTablesRule> ipTablesRules,
        @Extra Map<String, JsonNode> extra) implements PceResource<RuleSet> {

    public RuleSet {
        scopes = Extras.lists(scopes);
        rules = Extras.list(rules);
        ipTablesRules = Extras.list(ipTablesRules);
        extra = Extras.copy(extra);
    }

    /** A new, enabled rule set with the given scopes and no rules, as the body of a create. */
    public static RuleSet of(String name, List<List<ScopeEntry>> scopes) {
        return new RuleSet(null, name, null, true, scopes, null, null, null);
    }

    public RuleSet withName(String name) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    public RuleSet withDescription(String description) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    public RuleSet withEnabled(Boolean enabled) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    public RuleSet withScopes(List<List<ScopeEntry>> scopes) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    public RuleSet withRules(List<SecRule> rules) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    public RuleSet withIpTablesRules(List<IpTablesRule> ipTablesRules) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }

    @Override
    public RuleSet withExtra(Map<String, JsonNode> extra) {
        return new RuleSet(href, name, description, enabled, scopes, rules, ipTablesRules, extra);
    }
}
