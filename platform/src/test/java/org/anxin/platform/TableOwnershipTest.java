package org.anxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning module, and only that module's SQL names it; the others go through
 * its public API or its events. Beside {@link ModularityTest}, which checks the Java side, this
 * checks the SQL side: it reads every table the Flyway migrations create and every SQL string in
 * the main sources.
 */
class TableOwnershipTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/anxin/platform");

    /** table → the module (direct sub-package of org.anxin.platform) that owns it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("seniors", "senior"),
            Map.entry("emergency_contacts", "senior"),
            Map.entry("senior_changes", "senior"),
            Map.entry("senior_medicines", "senior"),
            Map.entry("medication_reminders", "medication"),
            Map.entry("users", "system"),
            Map.entry("user_seniors", "system"),
            Map.entry("admin_areas", "system"),
            Map.entry("devices", "device"),
            Map.entry("device_groups", "device"),
            Map.entry("device_events", "device"),
            Map.entry("device_events_default", "device"),
            Map.entry("device_commands", "device"),
            Map.entry("rejected_events", "ingest"),
            Map.entry("alarms", "alarm"),
            Map.entry("alarm_timeline", "alarm"),
            Map.entry("record_views", "alarm"),
            Map.entry("geofences", "alarm"),
            Map.entry("contact_preferences", "alarm"),
            Map.entry("family_holds", "alarm"),
            Map.entry("notifications", "notify"),
            Map.entry("providers", "dispatch"),
            Map.entry("responders", "dispatch"),
            Map.entry("dispatches", "dispatch"),
            Map.entry("offers", "dispatch"),
            Map.entry("service_categories", "catalog"),
            Map.entry("service_items", "catalog"),
            Map.entry("provider_items", "catalog"),
            Map.entry("service_orders", "order"),
            Map.entry("visit_plans", "order"),
            Map.entry("visit_plan_dates", "order"),
            Map.entry("provider_grading_weights", "grading"),
            Map.entry("order_timeline", "order"),
            Map.entry("order_declines", "order"),
            Map.entry("visit_anomalies", "order"),
            Map.entry("follow_ups", "followup"),
            Map.entry("subsidy_categories", "subsidy"),
            Map.entry("allowance_proposals", "subsidy"),
            Map.entry("eligibility_applications", "subsidy"),
            Map.entry("senior_eligibility", "subsidy"),
            Map.entry("subsidy_wallets", "subsidy"),
            Map.entry("wallet_ledger", "subsidy"),
            Map.entry("settlements", "settlement"),
            Map.entry("settlement_lines", "settlement"),
            Map.entry("timebank_accounts", "timebank"),
            Map.entry("timebank_entries", "timebank"),
            Map.entry("day_plans", "planning"),
            Map.entry("plan_stops", "planning"),
            Map.entry("plan_constraints", "planning"),
            Map.entry("plan_absences", "planning"),
            Map.entry("plan_pins", "planning"),
            Map.entry("vital_readings", "vitals"),
            Map.entry("vital_thresholds", "vitals"),
            Map.entry("assessors", "assessment"),
            Map.entry("assessments", "assessment"),
            Map.entry("calls", "callcenter"),
            Map.entry("call_timeline", "callcenter"),
            Map.entry("call_duty", "callcenter"),
            Map.entry("tickets", "callcenter"),
            Map.entry("ticket_timeline", "callcenter"),
            Map.entry("care_schedules", "callcenter"),
            Map.entry("care_checks", "callcenter"),
            Map.entry("audit", "audit"));

    /**
     * Reads of another module's table that are still there, as "module → table". This list only
     * shrinks: each entry is a debt, and an entry no longer needed fails the test too.
     */
    static final Set<String> NOT_YET_MOVED = Set.of();

    private static final Pattern CREATE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(?:\\b(?:from|join|into|update|table|references|exists)|,)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void everyTableHasOneOwningModule() {
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
        Set<String> modules = modules();
        assertThat(modules).containsAll(OWNER.values());
    }

    @Test
    void onlyTheOwningModuleNamesATableInSql() {
        Set<String> reads = crossModuleReads();
        assertThat(reads)
                .as("SQL naming another module's table (go through its public API or events instead)")
                .isSubsetOf(NOT_YET_MOVED);
        assertThat(NOT_YET_MOVED)
                .as("entries in NOT_YET_MOVED that are gone from the code: strike them off")
                .isSubsetOf(reads);
    }

    @Test
    void findsTablesNamedInTextBlocksAndSplitLiterals() {
        String source =
                "class X {\n  String a = \"\"\"\n    select a.id from alarms a\n    join seniors s on s.id = a.senior_id\n    \"\"\";\n"
                        + "  String b = \"select * \" + \"from devices\";\n  String c = \"where is the user\";\n"
                        + "  String d = \"select o.id from offers o, notifications n\";\n}";
        assertThat(tablesNamedIn(source))
                .containsExactlyInAnyOrder("alarms", "seniors", "devices", "offers", "notifications");
    }

    static Set<String> crossModuleReads() {
        Set<String> reads = new TreeSet<>();
        for (Path file : javaSources()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            for (String table : tablesNamedIn(read(file))) {
                String owner = OWNER.get(table);
                if (owner != null && !owner.equals(module)) {
                    reads.add(module + " → " + table);
                }
            }
        }
        return reads;
    }

    /** Tables named in the string literals and text blocks of one Java source. */
    static Set<String> tablesNamedIn(String source) {
        Set<String> tables = new TreeSet<>();
        for (String literal : stringLiterals(source)) {
            Matcher m = NAMED.matcher(literal);
            while (m.find()) {
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                if (OWNER.containsKey(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher block = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (block.find()) {
            literals.add(block.group(1));
            rest.append(source, last, block.start());
            last = block.end();
        }
        rest.append(source.substring(last));
        Matcher plain = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(rest);
        StringBuilder joined = new StringBuilder();
        while (plain.find()) {
            // adjacent literals are often one statement split with '+': read them together too
            joined.append(plain.group(1)).append(' ');
            literals.add(plain.group(1));
        }
        literals.add(joined.toString());
        return literals;
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static Set<String> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> SOURCES.relativize(p).getNameCount() > 1)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
