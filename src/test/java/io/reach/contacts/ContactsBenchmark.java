package io.reach.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.databind.JsonNode;

/**
 * Contacts at scale, in three rounds, each into a new workspace: an import of {@code bench.rows}
 * contacts (1 million by default) through the API, from the upload to the last chunk, against a raw
 * {@code COPY} of the same rows into contacts.contacts of another workspace, same round; then, over the workspace
 * the round filled, p50/p95 of a segment count (an attribute and a tag) and of the contact list's
 * first page and a search, against the list of lists (a request that reads nothing) in the same round.
 * Not part of {@code ./mvnw verify}; run with bench/contacts/run.
 */
@ReachTest
class ContactsBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int ROUNDS = 3;
    static final int RUNS = 30;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void importsSegmentsAndTheList() {
        String csv = csv();
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("contacts_round: %d of %d%n", round, ROUNDS);
            Accounts.SignedIn owner = accounts.owner();
            String token = owner.accessToken();
            api.post(
                    "/api/v1/contact-fields",
                    token,
                    "{\"name\": \"plan\", \"label\": \"Plan\", \"field_type\": \"text\"}");
            api.post(
                    "/api/v1/contact-fields",
                    token,
                    "{\"name\": \"seats\", \"label\": \"Seats\", \"field_type\": \"number\"}");

            double copySeconds = copy(accounts.owner());
            long started = System.nanoTime();
            Api.Response queued = api.post("/api/v1/contact-imports", token, csv, "Content-Type", "text/csv");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            JsonNode done = awaitDone(token, queued.header("Location"));
            double importSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(done.get("created_count").asLong()).isEqualTo(ROWS);
            System.out.printf(
                    "contacts_import: %d rows in %.1f s, %.0f rows/s; raw COPY %.1f s, %.0f rows/s; ratio %.2f%n",
                    ROWS,
                    importSeconds,
                    ROWS / importSeconds,
                    copySeconds,
                    ROWS / copySeconds,
                    copySeconds / importSeconds);

            double baseline = report("baseline_lists", () -> api.get("/api/v1/lists", token), Double.NaN);
            String segment = """
                    {"match": "all", "conditions": [
                      {"type": "attribute", "field": "plan", "op": "eq", "value": "pro"},
                      {"type": "tag", "op": "has", "value": "vip"}]}""";
            report("segment_count", () -> api.post("/api/v1/segments/count", token, segment), baseline);
            report("list_page", () -> api.get("/api/v1/contacts?limit=50", token), baseline);
            report("list_search", () -> api.get("/api/v1/contacts?limit=50&search=person12345", token), baseline);
            report("list_tag", () -> api.get("/api/v1/contacts?limit=50&tag=vip", token), baseline);
        }
    }

    /** One row per contact: 1 in 4 on the pro plan, 1 in 10 tagged vip. */
    private static String csv() {
        StringBuilder csv = new StringBuilder(ROWS * 64).append("email,first_name,last_name,plan,seats,tags\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("person")
                    .append(i)
                    .append("@example.com,Person,Number ")
                    .append(i)
                    .append(',')
                    .append(i % 4 == 0 ? "pro" : "free")
                    .append(',')
                    .append(i % 50)
                    .append(',')
                    .append(i % 10 == 0 ? "vip|beta" : "beta")
                    .append('\n');
        }
        return csv.toString();
    }

    /**
     * The same rows by raw COPY into contacts.contacts of another workspace (through a temporary table:
     * PostgreSQL refuses COPY FROM into a table with row-level security), with its indexes, as the
     * fastest way PostgreSQL itself has to put them there.
     */
    private double copy(Accounts.SignedIn owner) {
        StringBuilder rows = new StringBuilder(ROWS * 160);
        String tenant = owner.tenantId().toString();
        for (int i = 0; i < ROWS; i++) {
            rows.append(tenant)
                    .append(',')
                    .append(UUID.randomUUID())
                    .append(",person")
                    .append(i)
                    .append("@example.com,Person,Number ")
                    .append(i)
                    .append(",\"{\"\"plan\"\": \"\"")
                    .append(i % 4 == 0 ? "pro" : "free")
                    .append("\"\", \"\"seats\"\": ")
                    .append(i % 50)
                    .append("}\",\"")
                    .append(i % 10 == 0 ? "{vip,beta}" : "{beta}")
                    .append("\",subscribed,import,2026-12-04T00:00:00Z,2026-12-04T00:00:00Z\n");
        }
        return transactions.inTransactionAs(TenantId.of(owner.tenantId()), () -> {
            jdbc.sql("create temporary table raw_contacts (like contacts.contacts including defaults) on commit drop")
                    .update();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            long start = System.nanoTime();
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy pg_temp.raw_contacts (tenant_id, id, email, first_name, last_name, attributes, tags, status,
                            source, created_at, updated_at) from stdin (format csv)""", new StringReader(rows.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            jdbc.sql("""
                    insert into contacts.contacts (tenant_id, id, email, first_name, last_name, attributes, tags, status,
                        source, created_at, updated_at)
                    select tenant_id, id, email, first_name, last_name, attributes, tags, status, source, created_at,
                           updated_at
                    from pg_temp.raw_contacts""").update();
            return (System.nanoTime() - start) / 1e9;
        });
    }

    private JsonNode awaitDone(String token, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = api.get(location, token).json();
            if (state.get("status").asString().equals("done")) {
                return state;
            }
            assertThat(state.get("status").asString()).as(state.toString()).isNotEqualTo("failed");
            sleep();
        }
        throw new AssertionError("the import did not finish");
    }

    private static double report(String name, Supplier<Api.Response> request, double baseline) {
        for (int i = 0; i < 3; i++) {
            request.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Api.Response response = request.get();
            times.add(System.nanoTime() - start);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        times.sort(Long::compare);
        double p50 = times.get(RUNS / 2) / 1e6;
        double p95 = times.get((int) Math.ceil(0.95 * RUNS) - 1) / 1e6;
        System.out.printf(
                "contacts_%s: p50 %.1f ms, p95 %.1f ms%s%n",
                name, p50, p95, Double.isNaN(baseline) ? "" : ", ratio_p95 %.2f".formatted(p95 / baseline));
        return p95;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
