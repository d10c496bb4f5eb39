package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random requests built from the OpenAPI document — operations picked at random, parameters and
 * bodies mutated at random (wrong types, missing and unknown keys, absurd values, broken JSON,
 * other content types) — never get a 5xx or a 4xx that is not a problem. Seeded, so a failure
 * can be replayed: {@code -Dreach.fuzz.seed=<seed> -Dreach.fuzz.requests=<n>}.
 */
@ReachTest
class ApiFuzzTest {

    private static final int REQUESTS = Integer.getInteger("reach.fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("reach.fuzz.seed", System.nanoTime());
    private static final int SENDERS = 4;
    private static final String MARKUP = "{}[]\"'\\<>%&=;";
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void randomRequestsFromTheApiDocumentNeverGetA5xx() throws Exception {
        JsonNode document = api.get("/v3/api-docs", null).json();
        List<ApiOperations.Operation> operations = ApiOperations.of(document).all();
        List<Callable<List<String>>> senders = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            Random random = new Random(SEED + sender);
            int share = REQUESTS / SENDERS;
            senders.add(() -> fuzz(document, operations, random, share));
        }

        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            for (Future<List<String>> result : pool.invokeAll(senders)) {
                broken.addAll(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(broken)
                .as("seed %d, %d requests: answers that are 5xx or not problems", SEED, REQUESTS)
                .isEmpty();
    }

    private List<String> fuzz(JsonNode document, List<ApiOperations.Operation> operations, Random random, int count) {
        ApiWalker walker = new ApiWalker(api, accounts);
        for (int i = 0; i < count; i++) {
            ApiOperations.Operation operation = operations.get(random.nextInt(operations.size()));
            String path = operation.path(parameter -> pathValue(parameter, random)) + query(operation, random);
            boolean hasBody =
                    !operation.method().equals("get") && !operation.method().equals("delete");
            String body = hasBody ? body(document, operation, random) : null;
            walker.send(operation, path, hasBody ? pick(CONTENT_TYPES, random) : null, body);
        }
        assertThat(walker.sent()).isEqualTo(count);
        return walker.broken();
    }

    private static String pathValue(ApiOperations.Parameter parameter, Random random) {
        if (random.nextInt(4) > 0) {
            return parameter.uuid()
                    ? UUID.randomUUID().toString()
                    : parameter.type().equals("integer") ? "1" : "x";
        }
        return random.nextBoolean() ? pick(Probes.PATH_VALUES, random) : Probes.encode(randomText(random));
    }

    private static String query(ApiOperations.Operation operation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (ApiOperations.Parameter parameter : operation.in("query")) {
            if (random.nextInt(3) == 0) {
                pairs.add(Probes.encode(parameter.name()) + "="
                        + (random.nextBoolean()
                                ? pick(Probes.QUERY_VALUES, random)
                                : Probes.encode(randomText(random))));
            }
        }
        if (random.nextInt(5) == 0) {
            pairs.add(pick(Probes.PAGING, random));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String body(JsonNode document, ApiOperations.Operation operation, Random random) {
        if (!operation.hasBody() || random.nextInt(5) == 0) {
            return pick(Probes.BODIES, random);
        }
        JsonNode plausible = Probes.plausible(document, operation.body(), 0);
        if (!(plausible instanceof ObjectNode object)) {
            return plausible.toString();
        }
        List<Map.Entry<String, JsonNode>> properties =
                new ArrayList<>(operation.body().path("properties").properties());
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !properties.isEmpty(); m++) {
            Map.Entry<String, JsonNode> property = properties.get(random.nextInt(properties.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(property.getKey());
                case 1 -> object.set(property.getKey(), pick(Probes.absurd(document, property.getValue()), random));
                case 2 -> object.put(property.getKey(), randomText(random));
                default -> object.put(randomText(random), random.nextInt());
            }
        }
        String json = object.toString();
        return random.nextInt(10) == 0 ? json.substring(0, random.nextInt(json.length())) : json;
    }

    /** Short text from every part of Unicode, control characters and markup included. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0x200b + random.nextInt(0x30);
                case 4 -> 0x1f600 + random.nextInt(0x50);
                default -> MARKUP.codePointAt(random.nextInt(MARKUP.length()));
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
