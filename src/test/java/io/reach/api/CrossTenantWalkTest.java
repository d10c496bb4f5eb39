package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every operation with an id in its path, called by another workspace's owner with the ids of
 * everything workspace A holds (read from the database, so new tables are covered), answers
 * exactly as it answers for an id that does not exist: never a 2xx, and never a 403 or any
 * other answer that would confirm the object exists.
 */
@ReachTest
class CrossTenantWalkTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");
    private static final List<String> ORDER = List.of("get", "post", "put", "patch", "delete");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Test
    void anotherWorkspacesIdsLookExactlyLikeIdsThatDoNotExist() {
        JsonNode document = api.get("/v3/api-docs", null).json();
        Accounts.SignedIn ada = accounts.owner();
        populate(ada);
        List<UUID> adasIds = idsHeldBy(ada.tenantId());
        Accounts.SignedIn eve = accounts.owner();
        List<ApiOperations.Operation> operations = new ArrayList<>(ApiOperations.of(document).all().stream()
                .filter(operation -> operation.in("path").stream().anyMatch(ApiOperations.Parameter::uuid))
                .toList());
        operations.sort(Comparator.comparingInt(operation -> ORDER.indexOf(operation.method())));

        List<String> leaks = new ArrayList<>();
        int requests = 0;
        for (ApiOperations.Operation operation : operations) {
            String body = operation.hasBody()
                    ? Probes.plausible(document, operation.body(), 0).toString()
                    : null;
            Api.Response unknown = call(operation, eve, UUID.randomUUID(), body);
            for (UUID id : adasIds) {
                Api.Response foreign = call(operation, eve, id, body);
                requests++;
                if (foreign.status() / 100 == 2 || foreign.status() != unknown.status()) {
                    leaks.add("%s with %s → %d (an unknown id → %d) %s"
                            .formatted(operation, id, foreign.status(), unknown.status(), abbreviated(foreign.body())));
                }
            }
        }

        assertThat(operations).hasSizeGreaterThan(40);
        assertThat(adasIds).hasSizeGreaterThan(20);
        assertThat(leaks)
                .as("answers that reveal workspace A's objects to workspace B (%d requests)", requests)
                .isEmpty();
    }

    private Api.Response call(ApiOperations.Operation operation, Accounts.SignedIn who, UUID id, String body) {
        String path = operation.path(p -> p.uuid() ? id.toString() : p.type().equals("integer") ? "1" : "probe");
        return api.send(operation.method().toUpperCase(Locale.ROOT), path, who.accessToken(), body, List.of());
    }

    /** Workspace A with one of most things: campaigns, templates, sends, posts, automations, keys, roles… */
    private void populate(Accounts.SignedIn ada) {
        String token = ada.accessToken();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "x-" + UUID.randomUUID());
        fixtures.addMember(ada.tenantId(), accounts.owner().userId(), "member");
        String campaign = created(api.post("/api/v1/campaigns", token, "{\"name\": \"Spring sale\"}"), "/id");
        api.post("/api/v1/campaigns/" + campaign + "/status", token, "{\"status\": \"active\"}");
        String email = created(api.post("/api/v1/templates", token, """
                {"template_name": "News", "template_type": "email", "template_content": {"subject": "Hi {{first_name}}",
                 "html": "<p>Hello {{first_name}}</p>", "text": "Hello {{first_name}}", "variables": {"first_name": "there"}}}"""), "/template_id");
        String sms = created(api.post("/api/v1/templates", token, """
                {"template_name": "Flash", "template_type": "sms", "template_content": {"body": "Hi {{first_name}}",
                 "variables": {"first_name": "there"}}}"""), "/template_id");
        String emailCampaign = created(
                api.post("/api/v1/email-campaigns", token, """
                {"campaign_id": "%s", "template_id": "%s", "sender_email": "news@brand.example", "sender_name": "Brand"}""".formatted(campaign, email)), "/email_campaign/id");
        api.post(
                "/api/v1/email-campaigns/" + emailCampaign + "/recipients",
                token,
                "{\"recipients\": [{\"email\": \"someone@example.com\"}]}");
        created(api.post("/api/v1/sms-campaigns", token, """
                {"campaign_id": "%s", "template_id": "%s", "sender_number": "+1 500 555 0006"}""".formatted(campaign, sms)), "/sms_campaign/id");
        created(api.post("/api/v1/posts", token, """
                {"title": "Launch", "variants": [{"social_account_id": "%s", "text": "We launch today", "media": []}]}""".formatted(account)), "/id");
        created(api.post("/api/v1/automations", token, """
                {"social_account_id": "%s", "name": "Prices", "trigger": {"type": "new_comment", "keywords": ["price"]},
                 "actions": [{"type": "notify", "text": "Someone asks about prices"}]}""".formatted(account)), "/id");
        created(api.post("/api/v1/api-keys", token, "{\"name\": \"server\", \"scopes\": [\"ingest:write\"]}"), "/id");
        created(
                api.post(
                        "/api/v1/site-keys",
                        token,
                        "{\"name\": \"shop\", \"allowed_origins\": [\"https://shop.example\"]}"),
                "/id");
        created(
                api.post("/api/v1/invitations", token, "{\"email\": \"new@example.com\", \"role\": \"member\"}"),
                "/id");
        created(api.post("/api/v1/roles", token, "{\"name\": \"viewer\", \"permissions\": [\"members:read\"]}"), "/id");
    }

    private static String created(Api.Response response, String idPointer) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json().at(idPointer).asString();
    }

    /** Up to three ids from every table of the workspace that has an id column. */
    private List<UUID> idsHeldBy(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            List<String> tables = jdbc.queryForList("""
                    select format('%I.%I', c.table_schema, c.table_name) from information_schema.columns c
                    join information_schema.columns t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        and t.column_name = 'tenant_id'
                    join pg_class k on k.oid = format('%I.%I', c.table_schema, c.table_name)::regclass
                    where c.column_name = 'id' and c.data_type = 'uuid' and not k.relispartition and k.relkind in ('r', 'p')""", String.class);
            List<UUID> ids = new ArrayList<>();
            for (String table : tables) {
                ids.addAll(jdbc.queryForList(
                        "select id from " + table + " where tenant_id = ? limit 3", UUID.class, tenant));
            }
            return ids;
        });
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
