package io.jixiao.local.province;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory (RSS, from {@code /proc/<pid>/status}) of every service process of the platform twice a
 * second and keeps each one's largest: the services are the JVMs running a module's {@code quarkus-run.jar}.
 */
final class RssSampler implements AutoCloseable {

    private final Map<String, Long> maxKb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    RssSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The largest RSS seen of each service instance (by module and pid), in MB. */
    Map<String, Long> maxMb() {
        Map<String, Long> mb = new java.util.TreeMap<>();
        maxKb.forEach((k, v) -> mb.put(k, v / 1024));
        return mb;
    }

    private void sample() {
        ProcessHandle.allProcesses().forEach(p -> {
            String command = p.info().commandLine().orElse("");
            int jar = command.indexOf("/target/quarkus-app/quarkus-run.jar");
            if (jar < 0) {
                return;
            }
            String module = Path.of(command.substring(0, jar).replaceAll("^.* ", "")).getFileName().toString();
            long kb = rssKb(p.pid());
            if (kb > 0) {
                maxKb.merge(module + " (pid " + p.pid() + ")", kb, Math::max);
            }
        });
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // the process ended, or no /proc here
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
