package dev.pceworkbench.demo.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabulary of the demo org: label values, operating systems and the ports each role
 * listens on. Kept apart from the generators so that the generators read as structure and this
 * file as data.
 */
final class Catalog {
    private Catalog() {
    }

    /** Label dimensions: key, display name, plural, initial, colour. The first four are the PCE built-ins. */
    static final List<String[]> DIMENSIONS = List.of(
            new String[]{"role", "Role", "Roles", "R", "#2e7d32"},
            new String[]{"app", "Application", "Applications", "A", "#1565c0"},
            new String[]{"env", "Environment", "Environments", "E", "#6a1b9a"},
            new String[]{"loc", "Location", "Locations", "L", "#ef6c00"},
            new String[]{"bu", "Business Unit", "Business Units", "B", "#00838f"});

    static final List<String> ROLES = List.of("Web", "App", "API", "DB", "Cache", "Queue", "Search", "LB", "Batch",
            "Worker", "Storage", "Jump", "Monitoring", "Logging", "DNS", "AD", "NTP", "Proxy", "Mail", "Backup");
    static final List<String> MORE_ROLES = List.of("Gateway", "ETL", "Scheduler", "Stream", "Analytics",
            "FileServer", "CI", "Registry", "Vault", "SFTP");

    static final List<String> APPS = List.of("ERP", "CRM", "HRM", "Payments", "Billing", "Inventory", "Logistics",
            "Portal", "Intranet", "Mail", "Analytics", "DataLake", "Search", "Reporting", "Identity", "Backup",
            "Monitoring", "CI-CD", "Git", "Wiki", "Ticketing", "Voice", "Messaging", "POS", "Loyalty", "eCommerce",
            "Payroll", "Treasury", "Procurement", "Warehouse", "Fleet", "Marketing", "CMS", "Chat", "VDI",
            "FileShare", "Print", "Licensing", "Compliance", "Risk", "Fraud", "Claims", "Underwriting", "Trading",
            "Infrastructure");
    /** Prefixes that turn the base apps into the ~200 apps of the large data set. */
    static final List<String> APP_PREFIXES = List.of("Core", "Mobile", "Partner", "Legacy", "Cloud");

    static final List<String> ENVS = List.of("Dev", "Test", "QA", "Staging", "Prod", "DR");

    static final List<String> LOCS = List.of("US", "EU", "APAC", "US-East", "US-West", "EU-Frankfurt", "EU-London",
            "APAC-Singapore", "APAC-Sydney", "LATAM", "AWS-us-east-1", "Azure-westeurope");
    static final List<String> MORE_LOCS = List.of("US-Central", "EU-Paris", "EU-Amsterdam", "APAC-Tokyo",
            "APAC-Mumbai", "GCP-europe-west1", "AWS-eu-west-1", "AWS-ap-southeast-1");

    static final List<String> BUS = List.of("Finance", "HR", "Sales", "Retail", "Corporate", "IT", "Marketing",
            "Operations", "Risk", "Supply Chain");
    static final List<String> MORE_BUS = List.of("Legal", "Procurement", "Customer Care", "Research",
            "Manufacturing", "Security", "Treasury", "Digital", "Logistics", "Facilities");

    /** Second octet of the 10.x networks of each location (the large data set's extra locations follow on). */
    static int locOctet(int locIndex) {
        return 10 + locIndex * 8;
    }

    /** Roles of the shared-infrastructure app, which the global rule sets aim at. */
    static final List<String> INFRA_ROLES = List.of("DNS", "AD", "NTP", "Jump", "Monitoring", "Logging", "Proxy",
            "Mail", "Backup");
    /** Optional tiers an application may have beside Web/App/DB. */
    static final List<String> EXTRA_TIERS = List.of("API", "Cache", "Queue", "Search", "LB", "Batch", "Worker",
            "Storage");

    /** An operating system: os_id, os_detail, platform. */
    record Os(String id, String detail, String platform) {
    }

    static final Os CENTOS = new Os("centos-x86_64-7.0",
            "3.10.0-1160.71.1.el7.x86_64 #1 SMP Tue Jun 28 15:37:28 UTC 2022 (CentOS Linux release 7.9.2009 (Core))", "linux");
    static final Os RHEL = new Os("rhel-x86_64-8.0",
            "4.18.0-477.10.1.el8_8.x86_64 #1 SMP Wed Apr 5 13:35:01 EDT 2023 (Red Hat Enterprise Linux release 8.8 (Ootpa))", "linux");
    static final Os UBUNTU = new Os("ubuntu-x86_64-jammy",
            "5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 (Ubuntu 22.04.3 LTS)", "linux");
    static final Os WINDOWS = new Os("win-x86_64-server",
            "17763.5206.amd64fre.rs5_release.180914-1434 (Windows Server 2019 Datacenter)", "windows");
    static final List<Os> LINUX = List.of(CENTOS, RHEL, UBUNTU);

    static final List<String> VEN_VERSIONS = List.of("22.5.10-9968", "23.2.20-176", "23.2.30-225");

    /** A listening port: port, protocol number, process, user, Windows service (or null). */
    record OpenPort(int port, int proto, String process, String user, String winService) {
    }

    private static OpenPort tcp(int port, String process, String user) {
        return new OpenPort(port, 6, process, user, null);
    }

    /** What a host of each role listens on (besides sshd or RDP, added by OS). */
    static final Map<String, List<OpenPort>> ROLE_PORTS = Map.ofEntries(
            Map.entry("Web", List.of(tcp(80, "nginx", "www-data"), tcp(443, "nginx", "www-data"))),
            Map.entry("App", List.of(tcp(8080, "java", "app"), tcp(8443, "java", "app"))),
            Map.entry("API", List.of(tcp(8443, "node", "app"))),
            Map.entry("DB", List.of(tcp(5432, "postgres", "postgres"))),
            Map.entry("Cache", List.of(tcp(6379, "redis-server", "redis"))),
            Map.entry("Queue", List.of(tcp(5672, "beam.smp", "rabbitmq"), tcp(9092, "java", "kafka"))),
            Map.entry("Search", List.of(tcp(9200, "java", "elasticsearch"), tcp(9300, "java", "elasticsearch"))),
            Map.entry("LB", List.of(tcp(443, "haproxy", "haproxy"))),
            Map.entry("Storage", List.of(tcp(2049, "nfsd", "root"))),
            Map.entry("DNS", List.of(new OpenPort(53, 17, "named", "named", null), tcp(53, "named", "named"))),
            Map.entry("AD", List.of(tcp(389, "lsass.exe", "SYSTEM", "NTDS"), tcp(88, "lsass.exe", "SYSTEM", "Kdc"))),
            Map.entry("NTP", List.of(new OpenPort(123, 17, "chronyd", "chrony", null))),
            Map.entry("Monitoring", List.of(tcp(9090, "prometheus", "prometheus"))),
            Map.entry("Logging", List.of(new OpenPort(514, 17, "rsyslogd", "root", null))),
            Map.entry("Proxy", List.of(tcp(3128, "squid", "proxy"))),
            Map.entry("Mail", List.of(tcp(25, "master", "root"), tcp(587, "master", "root"))));

    private static OpenPort tcp(int port, String process, String user, String winService) {
        return new OpenPort(port, 6, process, user, winService);
    }

    /** The app names of a scale: the base list, plus prefixed variants up to {@code count}. */
    static List<String> apps(int count) {
        List<String> out = new ArrayList<>(APPS);
        for (String prefix : APP_PREFIXES) {
            for (String base : APPS) {
                if (out.size() >= count) {
                    return out;
                }
                if (!base.equals("Infrastructure")) {
                    out.add(prefix + "-" + base);
                }
            }
        }
        return out;
    }
}
