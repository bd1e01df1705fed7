package io.jixiao.local.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.local.infra.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Loads a province through the gateway as its systems would: an administrator registers the units, the provincial
 * feeder system ({@link SyntheticProvince#FEEDER}) pushes every unit-year's documents through the batch endpoints,
 * several batches at once, each with an idempotency key. A unit registered a moment ago may not have reached
 * budget-service yet ({@code 409} with {@code Retry-After}): that batch is sent again after the wait; so is a request
 * the gateway's rate limit turned away ({@code 429}), as a real feeder would. Anything else that is not {@code 200}
 * stops the load with the answer.
 */
public final class ProvinceLoader {

    /** Where each kind of document is pushed in batches, and the field of a batch item holding it. */
    static final Map<String, String[]> BATCH = Map.of(
            "budget", new String[] {"/api/budget/budgets/batch", "budget"},
            "staff", new String[] {"/api/personnel/staff/batch", "document"},
            "assets", new String[] {"/api/personnel/assets/batch", "document"});

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The units register's own documents first: by the time the budgets go, budget-service knows the units. */
    private static final List<String> KINDS = List.of("staff", "assets", "budget");

    private final String gateway;
    private final Tokens tokens;
    private final int concurrency;
    private final HttpClient http;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    public ProvinceLoader(String gateway, Tokens tokens, int concurrency) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.concurrency = concurrency;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** How many requests were sent again after a {@code 409 unit-not-yet-known}. */
    public long retries() {
        return retries.get();
    }

    /** How many requests the gateway's rate limit turned away (each sent again after its {@code Retry-After}). */
    public long throttled() {
        return throttled.get();
    }

    /** Registers the units (as {@code admin}) in batches of 500, several at once. */
    public void register(SyntheticProvince province, List<SyntheticProvince.Unit> units) {
        List<Runnable> batches = new ArrayList<>();
        for (int from = 0; from < units.size(); from += 500) {
            List<SyntheticProvince.Unit> slice = units.subList(from, Math.min(units.size(), from + 500));
            batches.add(() -> {
                ObjectNode body = JSON.createObjectNode();
                ArrayNode items = body.putArray("items");
                slice.forEach(u -> items.addObject().put("unitCode", u.code()).set("profile", province.profile(u)));
                send("POST", "/api/personnel/units/batch", () -> tokens.user("admin"), body.toString(), null);
            });
        }
        run(batches);
    }

    /**
     * Pushes the documents in batches of at most {@code batchSize} of one kind, several batches at once, as the
     * feeder; returns once every batch was answered {@code 200}.
     */
    public void push(List<SyntheticProvince.Document> documents, int batchSize) {
        List<Runnable> batches = new ArrayList<>();
        for (String kind : KINDS) {
            List<SyntheticProvince.Document> ofKind = documents.stream().filter(d -> d.kind().equals(kind)).toList();
            for (int from = 0; from < ofKind.size(); from += batchSize) {
                List<SyntheticProvince.Document> batch = ofKind.subList(from, Math.min(ofKind.size(), from + batchSize));
                batches.add(() -> sendBatch(kind, batch));
            }
        }
        run(batches);
    }

    /**
     * Pushes every document of the province the same way, each batch's documents made when it is sent (a province
     * of 50,000 unit-years does not fit in memory at once); returns how many documents were pushed.
     */
    public int push(SyntheticProvince province, int batchSize) {
        List<Runnable> batches = new ArrayList<>();
        for (var batch : province.batches(KINDS, batchSize)) {
            batches.add(() -> {
                List<SyntheticProvince.Document> documents = batch.get();
                sendBatch(documents.get(0).kind(), documents);
            });
        }
        run(batches);
        return province.unitYears() * KINDS.size();
    }

    private void sendBatch(String kind, List<SyntheticProvince.Document> batch) {
        String[] target = BATCH.get(kind);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (SyntheticProvince.Document d : batch) {
            ObjectNode item = items.addObject().put("unitCode", d.unitCode()).put("fiscalYear", d.fiscalYear());
            item.set(target[1], d.body());
        }
        String json = body.toString();
        String key = "province-" + kind + "-" + batch.get(0).unitCode() + "-" + batch.get(0).fiscalYear() + "-"
                + Integer.toHexString(json.hashCode());
        send("POST", target[0], () -> tokens.client(SyntheticProvince.FEEDER), json, key);
    }

    /** Pushes one document on its own (a single {@code PUT}), as the feeder; returns the answer's body. */
    public String pushOne(SyntheticProvince.Document document) {
        String path = switch (document.kind()) {
            case "budget" -> "/api/budget/units/" + document.unitCode() + "/years/" + document.fiscalYear() + "/budget";
            default -> "/api/personnel/units/" + document.unitCode() + "/years/" + document.fiscalYear() + "/"
                    + document.kind();
        };
        return send("PUT", path, () -> tokens.client(SyntheticProvince.FEEDER), document.body().toString(), null);
    }

    private void run(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            tasks.forEach(t -> done.add(pool.submit(t)));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String send(String method, String path, Supplier<String> token, String body, String idempotencyKey) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (response.statusCode() == 200) {
                return response.body();
            }
            // a unit registered a moment ago that has not reached the service: it cannot tell yet whether the unit is
            // in the feeder's region (403, as for any unit it does not know) or answers 409 unit-not-yet-known
            boolean notArrived = response.statusCode() == 409 && response.body().contains("unit-not-yet-known")
                    || response.statusCode() == 403 && response.body().contains("scope does not include");
            if (response.statusCode() == 429 && attempt < 60) {
                throttled.incrementAndGet();
                sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
                continue;
            }
            if (notArrived && attempt < 60) {
                retries.incrementAndGet();
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                sleep(Math.min(wait, 2) * 1000);
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + (response.body().length() > 600 ? response.body().substring(0, 600) + " …" : response.body()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
