package io.jixiao.local.province;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark's metrics: each printed as {@code name: value unit}, with its target and, where it is missed, by how
 * much; recorded in {@code docs/benchmarks.md} under the date and the machine.
 */
final class BenchmarkReport {

    /** The section of docs/benchmarks.md the runs are recorded in. */
    static final String SECTION = "## Province benchmark (`./bench.sh`)";

    /** A metric's target: at least or below a value (for the full rescore, per 50,000 unit-years, pro rata). */
    record Target(boolean atLeast, double value) {
    }

    record Metric(String name, double value, String unit, Target target) {

        boolean met() {
            return target == null || (target.atLeast() ? value >= target.value() : value < target.value());
        }
    }

    private final int unitYears;
    private final List<Metric> metrics = new ArrayList<>();

    BenchmarkReport(int unitYears) {
        this.unitYears = unitYears;
    }

    void add(String name, double value, String unit) {
        Metric metric = new Metric(name, value, unit, target(name));
        metrics.add(metric);
        Benchmark.say(line(metric));
    }

    Target target(String name) {
        return switch (name) {
            case "ingest_docs_per_s" -> new Target(true, 1500);
            case "ingest_ratio" -> new Target(true, 0.1);
            case "push_to_score_p99_ms" -> new Target(false, 1000);
            case "full_rescore_s" -> new Target(false, 60.0 * unitYears / 50_000);
            case "ranking_p99_ms" -> new Target(false, 30);
            case "rss_max_mb" -> new Target(false, 300);
            default -> null;
        };
    }

    List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    void print(Consumer<String> out) {
        out.accept("");
        metrics.forEach(m -> out.accept(line(m)));
    }

    static String line(Metric m) {
        String line = m.name() + ": " + number(m.value()) + (m.unit().isEmpty() ? "" : " " + m.unit());
        if (m.target() == null) {
            return line;
        }
        String target = (m.target().atLeast() ? "≥ " : "< ") + number(m.target().value());
        if (m.met()) {
            return line + "   (target " + target + ": met)";
        }
        double by = Math.abs(m.value() - m.target().value());
        return line + "   (target " + target + ": MISSED by " + number(by) + (m.unit().isEmpty() ? "" : " " + m.unit())
                + (Double.isFinite(by) ? ", " + Math.round(100 * by / m.target().value()) + " %" : "") + ")";
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "∞";
        }
        if (Math.abs(value) < 10) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Adds this run to docs/benchmarks.md: a table under the date, the machine and the size. */
    void record(Path file, long totalSeconds) throws IOException {
        String text = Files.isRegularFile(file) ? Files.readString(file) : "# Benchmarks\n";
        StringBuilder run = new StringBuilder();
        run.append("\n### ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append(": ").append(String.format(Locale.ROOT, "%,d", unitYears))
                .append(" unit-years\n\n").append(machine()).append(", whole run ").append(totalSeconds)
                .append(" s.\n\n| metric | value | target | |\n|---|---|---|---|\n");
        for (Metric m : metrics) {
            run.append("| `").append(m.name()).append("` | ").append(number(m.value())).append(m.unit().isEmpty()
                    ? "" : " " + m.unit()).append(" | ").append(m.target() == null ? "" : (m.target().atLeast()
                            ? "≥ " : "< ") + number(m.target().value())).append(" | ")
                    .append(m.target() == null ? "" : m.met() ? "met" : "**missed**").append(" |\n");
        }
        int at = text.indexOf(SECTION);
        if (at < 0) {
            text = text.stripTrailing() + "\n\n" + SECTION + "\n\nRuns of `./bench.sh`, newest first (see README"
                    + " \"Benchmarks\"; the notes below the runs say what bounds each missed target).\n" + run;
        } else {
            int insert = text.indexOf("\n### ", at);
            int intro = text.indexOf("\n\n", at + SECTION.length() + 2);
            int where = insert < 0 ? (intro < 0 ? text.length() : intro + 1) : insert;
            text = text.substring(0, where) + run + text.substring(where);
        }
        Files.writeString(file, text);
    }

    static String machine() {
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = ", " + Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)
                            + " GB memory";
                }
            }
        } catch (IOException | NumberFormatException e) {
            memory = "";
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + memory + ", " + System.getProperty("os.name")
                + ", Java " + System.getProperty("java.version");
    }
}
