package io.jixiao.local;

import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: the whole platform on this machine, the seed department's sample unit loaded,
 * until Ctrl-C.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant began = Instant.now();
        Platform.Config config = Platform.Config.local();
        say("jixiao: logs in " + config.logDir() + ", data in " + config.dataDir());
        Platform platform = Platform.start(config, LocalRun::say);
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
                Logs: %s
                Ctrl-C stops everything; data is kept for the next start.
                """.formatted(seconds, platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl(),
                platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl(), platform.keycloak().url(),
                platform.url(Service.BUDGET), platform.url(Service.PERSONNEL), platform.url(Service.ASSESSMENT),
                platform.url(Service.REPORT), platform.keycloak().tokenEndpoint(), config.logDir()));
        stopped.await();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
