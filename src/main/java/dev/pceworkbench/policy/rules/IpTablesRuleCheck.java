package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.IpTablesRule.Statement;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.rules.Violation.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a custom iptables rule before it is sent. Sources: Illumio REST API Guide 24.2 / 25.2,
 * "Custom Iptables Rules": statements name a {@code table_name}, {@code chain_name} and
 * {@code parameters}; before they reach the VEN they are "checked for any unsupported tokens (such
 * as names of firewall chains already in use by Illumio, matching against IP sets, and
 * semicolons)" and cannot be saved if one is present; the Security Policy Guide ("Rules") adds that
 * drop actions in the NAT table fail firewall generation. The tables are {@code mangle},
 * {@code nat} and {@code filter} with the built-in chains Linux gives them (filter: INPUT, FORWARD,
 * OUTPUT; nat: PREROUTING, INPUT, OUTPUT, POSTROUTING; mangle: all five).
 *
 * <p>The guides do not list Illumio's chain names, so this check is conservative: a jump
 * ({@code -j}/{@code -g}) must go to a standard iptables target, since a custom rule cannot create a
 * chain of its own and any other chain is the VEN's; tokens naming Illumio are refused too. IP-set
 * matching is {@code -m set}, {@code --match-set} and the {@code SET} target. Also refused, as the
 * VEN supplies them: iptables commands ({@code -A}, {@code -I}, {@code -N}...) and {@code -t}, and
 * shell operators besides the semicolon ({@code |}, {@code &}, backquotes, {@code $(}).
 */
public final class IpTablesRuleCheck {
    /** The permitted chains of each permitted table. */
    public static final Map<String, Set<String>> CHAINS = Map.of(
            "filter", Set.of("INPUT", "FORWARD", "OUTPUT"),
            "nat", Set.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "mangle", Set.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"));

    private static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "REJECT", "RETURN", "QUEUE", "LOG", "NFLOG",
            "ULOG", "MARK", "CONNMARK", "SECMARK", "CONNSECMARK", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "NETMAP",
            "TPROXY", "TOS", "DSCP", "TTL", "HL", "TCPMSS", "TCPOPTSTRIP", "NOTRACK", "CT", "NFQUEUE", "CLASSIFY",
            "AUDIT", "TEE", "CHECKSUM", "TRACE", "IDLETIMER", "LED", "HMARK", "SYNPROXY");
    private static final Set<String> NAT_ONLY = Set.of("DNAT", "SNAT", "MASQUERADE", "REDIRECT", "NETMAP");
    private static final Set<String> COMMANDS = Set.of("-A", "--append", "-I", "--insert", "-D", "--delete", "-R",
            "--replace", "-N", "--new-chain", "-X", "--delete-chain", "-F", "--flush", "-P", "--policy", "-E",
            "--rename-chain", "-Z", "--zero", "-L", "--list", "-S", "--list-rules", "-t", "--table");

    private IpTablesRuleCheck() {
    }

    /** Every violation of {@code rule}; empty when it may be sent. */
    public static List<Violation> check(IpTablesRule rule) {
        List<Violation> out = new ArrayList<>();
        if (rule.actors().isEmpty()) {
            out.add(new Violation(Field.ACTORS, "Choose the workloads that receive the rule: All Workloads, "
                    + "labels, label groups or workloads."));
        }
        for (var a : rule.actors()) {
            ObjectKind k = ObjectKind.of(a);
            if (k == ObjectKind.IP_LIST || k == ObjectKind.VIRTUAL_SERVICE || k == ObjectKind.UNKNOWN) {
                out.add(new Violation(Field.ACTORS, "Custom iptables rules are programmed on workloads: "
                        + k.plural() + " cannot receive them."));
                break;
            }
        }
        if (!"4".equals(rule.ipVersion()) && !"6".equals(rule.ipVersion())) {
            out.add(new Violation(Field.IP_TABLES, "Choose the IP version, 4 or 6."));
        }
        if (rule.statements().isEmpty()) {
            out.add(new Violation(Field.IP_TABLES, "Add at least one statement: a table, a chain and its parameters."));
        }
        for (int i = 0; i < rule.statements().size(); i++) {
            for (String problem : statementProblems(rule.statements().get(i))) {
                out.add(new Violation(Field.IP_TABLES, "Statement " + (i + 1) + ": " + problem));
            }
        }
        return out;
    }

    /** What is wrong with one statement (empty when nothing). */
    public static List<String> statementProblems(Statement st) {
        List<String> out = new ArrayList<>();
        String table = st.tableName() == null ? "" : st.tableName().trim();
        String chain = st.chainName() == null ? "" : st.chainName().trim();
        String params = st.parameters() == null ? "" : st.parameters().trim();
        Set<String> chains = CHAINS.get(table);
        if (chains == null) {
            out.add("the table must be mangle, nat or filter, not '" + table + "'.");
        } else if (!chains.contains(chain)) {
            out.add("the " + table + " table has no chain '" + chain + "'; use one of "
                    + String.join(", ", chains.stream().sorted().toList()) + ".");
        }
        if (params.isEmpty()) {
            out.add("the parameters are empty; write the match and the action, e.g. -p tcp --dport 22 -j ACCEPT.");
            return out;
        }
        if (params.contains(";")) {
            out.add("semicolons are not allowed; write one statement per line instead.");
        }
        if (params.contains("|") || params.contains("&") || params.contains("`") || params.contains("$(")
                || params.contains("\n")) {
            out.add("shell operators (|, &, `, $( and line breaks) are not allowed in parameters.");
        }
        if (params.toLowerCase(Locale.ROOT).contains("illumio")) {
            out.add("Illumio's own chains and sets cannot be referenced.");
        }
        String[] tokens = params.split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            String next = i + 1 < tokens.length ? tokens[i + 1] : "";
            if (COMMANDS.contains(t)) {
                out.add("'" + t + "' is not allowed: the table and chain fields say where the statement goes, "
                        + "and the VEN appends it.");
            } else if ((t.equals("-m") || t.equals("--match")) && next.equals("set") || t.equals("--match-set")) {
                out.add("matching against IP sets (-m set, --match-set) is not supported in custom iptables rules.");
            } else if (t.equals("-j") || t.equals("--jump") || t.equals("-g") || t.equals("--goto")) {
                targetProblem(table, next).ifPresent(out::add);
            }
        }
        return out;
    }

    private static java.util.Optional<String> targetProblem(String table, String target) {
        if (target.isEmpty()) {
            return java.util.Optional.of("a jump (-j) needs a target, e.g. -j ACCEPT.");
        }
        if (target.equals("SET")) {
            return java.util.Optional.of("the SET target changes IP sets, which custom iptables rules cannot use.");
        }
        if (!TARGETS.contains(target)) {
            return java.util.Optional.of("'" + target + "' is not a standard iptables target; custom rules cannot "
                    + "create chains, and jumping into the VEN's own chains is not allowed.");
        }
        if (table.equals("nat") && target.equals("DROP")) {
            return java.util.Optional.of("DROP is not allowed in the nat table (it makes firewall generation fail); "
                    + "drop the traffic in the filter table instead.");
        }
        if (!table.equals("filter") && target.equals("REJECT")) {
            return java.util.Optional.of("REJECT works only in the filter table.");
        }
        if (!table.equals("nat") && NAT_ONLY.contains(target)) {
            return java.util.Optional.of(target + " works only in the nat table.");
        }
        return java.util.Optional.empty();
    }
}
