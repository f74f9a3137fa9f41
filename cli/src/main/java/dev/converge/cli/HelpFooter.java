package dev.converge.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * HelpFooter ends every command's {@code --help} with examples of that command and the one table of
 * exit codes ({@link ExitCodes#TABLE}), so a user never has to look elsewhere for either.
 */
final class HelpFooter {
    /** Examples by qualified command name; a command missing here fails HelpTest. */
    static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("converge", new String[] {
                    "converge plan --url postgresql://app@db:5432/shop --desired schema/",
                    "converge apply --env staging --auto-approve"}),
            Map.entry("converge plan", new String[] {
                    "converge plan --url postgresql://app@db:5432/shop --desired schema/",
                    "converge plan --env prod --format markdown > plan.md",
                    "converge plan --url mysql://root@db/shop --desired schema/ --out plan.json"}),
            Map.entry("converge apply", new String[] {
                    "converge apply --url postgresql://app@db:5432/shop --desired schema/",
                    "converge apply plan.json --url postgresql://app@db:5432/shop --auto-approve",
                    "converge apply --env staging --auto-approve --report report.json"}),
            Map.entry("converge lint", new String[] {
                    "converge lint --url postgresql://app@db:5432/shop --desired schema/",
                    "converge lint --url postgresql://app@db:5432/shop --desired schema/ --format sarif > lint.sarif"}),
            Map.entry("converge history", new String[] {
                    "converge history --url postgresql://app@db:5432/shop",
                    "converge history show 12 --url postgresql://app@db:5432/shop"}),
            Map.entry("converge history show", new String[] {
                    "converge history show 12 --url postgresql://app@db:5432/shop --format json"}),
            Map.entry("converge inspect", new String[] {
                    "converge inspect --url postgresql://app@db:5432/shop --out schema/",
                    "converge inspect --url postgresql://app@db:5432/shop --schema billing"}),
            Map.entry("converge validate", new String[] {
                    "converge validate --desired schema/",
                    "converge validate --desired schema/ --no-shadow"}),
            Map.entry("converge demo", new String[] {
                    "converge demo --desired examples/saas/schema"}),
            Map.entry("converge drift", new String[] {
                    "converge drift --env prod",
                    "converge drift --env prod --format json"}),
            Map.entry("converge status", new String[] {
                    "converge status",
                    "converge status --env staging --env prod --format json"}),
            Map.entry("converge diff", new String[] {
                    "converge diff --from env:staging --to env:prod",
                    "converge diff --from schema/ --to postgresql://app@db:5432/shop --format json"}),
            Map.entry("converge report", new String[] {
                    "converge report --out converge-report.html",
                    "converge report --env staging --env prod --out build/fleet.html"}),
            Map.entry("converge report merge", new String[] {
                    "converge report merge shard-*.json --out fleet-report.json",
                    "converge report merge 1.json 2.json 3.json --format json"}),
            Map.entry("converge help", new String[] {
                    "converge help plan"}));

    private HelpFooter() {
    }

    /** Sets the examples and the exit codes on {@code cli} and every subcommand below it. */
    static void addTo(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        String[] examples = EXAMPLES.getOrDefault(cli.getCommandSpec().qualifiedName(), new String[0]);
        String[] footer = new String[examples.length];
        for (int i = 0; i < examples.length; i++) {
            footer[i] = "  " + examples[i].replace("%", "%%");
        }
        usage.footerHeading("%nExamples:%n").footer(footer);
        usage.exitCodeListHeading("%nExit codes (the same for one target and for a fleet):%n");
        usage.exitCodeList(ExitCodes.helpList());
        // Picocli places the footer after the exit codes; keep the examples before them.
        usage.sectionKeys(reordered(usage.sectionKeys()));
        cli.getSubcommands().values().stream().distinct().forEach(HelpFooter::addTo);
    }

    private static java.util.List<String> reordered(java.util.List<String> keys) {
        java.util.List<String> out = new java.util.ArrayList<>(keys);
        String[] footer = {CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER};
        out.removeAll(java.util.List.of(footer));
        int at = out.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
        out.addAll(at < 0 ? out.size() : at, java.util.List.of(footer));
        return out;
    }
}
