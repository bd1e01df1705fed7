package io.jixiao.local;

import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: the whole platform on this machine, the seed department's sample unit loaded,
 * until Ctrl-C. {@code --instances assessment-service=2,report-service=2} starts further instances of services, which
 * share their consumer groups' partitions with the first.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant began = Instant.now();
        Platform.Config config = Platform.Config.local();
        say("jixiao: logs in " + config.logDir() + ", data in " + config.dataDir());
        Platform platform = Platform.start(config, instances(args), LocalRun::say);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping …");
            platform.close();
            say("stopped.");
            stopped.countDown();
        }, "jixiao-stop"));

        say("loading the sample unit (XZ-WXB, 2024) through the gateway");
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), platform.gatewayUrl(), Tokens.of(platform.keycloak()),
                LocalRun::say);

        long seconds = Duration.between(began, Instant.now()).toSeconds();
        say("""

                jixiao is up (%d s).
                  Web pages (log in below)        %s/
                    finance dashboard             %s/finance
                    the sample unit's year        %s/units/XZ-WXB/years/2024
                    published reports (no login)  %s/public
                  Gateway (the one entry point)   %s
                  Swagger UI (whole platform)     %s/q/swagger-ui
                  Keycloak                        %s   (admin console: kcadmin / kcadmin — demo only)
                  budget-service                  %s
                  personnel-service               %s
                  assessment-service              %s
                  report-service                  %s
                Demo logins (the web pages, or realm jixiao's client jixiao-cli; demo only):
                  finance / finance     — finance department, reads every unit
                  reporter / reporter   — reporter and approver of unit XZ-WXB
                  admin / admin         — administrator
                A token:
                  curl -s -d grant_type=password -d client_id=jixiao-cli -d username=finance -d password=finance \\
                       %s
                %sLogs: %s
                Ctrl-C stops everything; data is kept for the next start.
                """.formatted(seconds, platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl(),
                platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl(), platform.keycloak().url(),
                platform.url(Service.BUDGET), platform.url(Service.PERSONNEL), platform.url(Service.ASSESSMENT),
                platform.url(Service.REPORT), platform.keycloak().tokenEndpoint(), further(platform), config.logDir()));
        stopped.await();
    }

    /** The further instances, one line each, or nothing. */
    private static String further(Platform platform) {
        StringBuilder lines = new StringBuilder();
        for (Service s : Service.backends()) {
            for (Platform.Instance i : platform.instances(s)) {
                lines.append("Instance ").append(i.number()).append(" of ").append(s.module()).append(": ")
                        .append(i.url()).append(" (shares its consumer groups)\n");
            }
        }
        return lines.toString();
    }

    /** {@code --instances module=N,...} (or {@code --instances=...}): how many instances of which services. */
    static Map<Service, Integer> instances(String[] args) {
        Map<Service, Integer> instances = new EnumMap<>(Service.class);
        for (int i = 0; i < args.length; i++) {
            String value;
            if (args[i].startsWith("--instances=")) {
                value = args[i].substring("--instances=".length());
            } else if (args[i].equals("--instances") && i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: ./run.sh [--instances assessment-service=2,report-service=2])");
            }
            for (String entry : value.split(",")) {
                String[] parts = entry.trim().split("=", 2);
                Service service = Arrays.stream(Service.values()).filter(s -> s.module().equals(parts[0].trim()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + parts[0]
                                + "; one of " + Arrays.stream(Service.values()).map(Service::module).toList()));
                int n = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 0;
                if (n < 1 || n > Platform.TOPIC_PARTITIONS || service == Service.GATEWAY && n > 1) {
                    throw new IllegalArgumentException(entry + ": between 1 and " + Platform.TOPIC_PARTITIONS
                            + " instances (the topics' partitions), and one gateway");
                }
                instances.put(service, n);
            }
        }
        return instances;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
