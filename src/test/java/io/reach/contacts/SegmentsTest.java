package io.reach.contacts;

import static io.reach.contacts.ContactsTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Segments select, in SQL, exactly the contacts a hand-written query over the same data selects. */
@ReachTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentsTest {

    static final int CONTACTS = 60;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Activities activities;

    Accounts.SignedIn ada;
    String token;
    UUID campaign = UUID.randomUUID();
    UUID list;
    List<UUID> contacts = new java.util.ArrayList<>();

    @BeforeAll
    void aWorkspaceOfSixtyContacts() {
        ada = accounts.owner();
        token = ada.accessToken();
        declare("plan", "text");
        declare("seats", "number");
        list = id(api.post("/api/v1/lists", token, "{\"name\": \"News\", \"opt_in\": \"single\"}"));
        for (int i = 0; i < CONTACTS; i++) {
            UUID contact = id(api.post("/api/v1/contacts", token, """
                    {"email": "c%d@example.com", "attributes": {"plan": "%s", "seats": %d}, "tags": [%s]}""".formatted(
                            i, i % 3 == 0 ? "pro" : "free", i, i % 2 == 0 ? "\"even\"" : "")));
            contacts.add(contact);
            if (i % 5 == 0) {
                api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + contact + "\"}");
            }
        }
        Instant now = Instant.now();
        for (int i = 0; i < CONTACTS; i++) {
            if (i % 4 == 0) {
                activity(contacts.get(i), "opened", now.minus(Duration.ofDays(10)));
            }
            if (i % 6 == 0) {
                activity(contacts.get(i), "clicked", now.minus(Duration.ofDays(40)));
            }
        }
    }

    @Test
    void aSegmentByAttributeTagAndBehaviourIsTheHandQuery() {
        String definition = """
                {"match": "all", "conditions": [
                  {"type": "attribute", "field": "plan", "op": "eq", "value": "pro"},
                  {"type": "tag", "op": "has", "value": "even"},
                  {"type": "activity", "op": "did", "kind": "opened", "within_days": 30, "source_id": "%s"}]}""".formatted(campaign);

        JsonNode saved = api.post(
                        "/api/v1/segments", token, "{\"name\": \"Engaged pros\", \"definition\": " + definition + "}")
                .json();

        Set<UUID> byHand = inTenant(() -> Set.copyOf(
                jdbc.sql("""
                        select c.id from contacts.contacts c
                        where c.attributes ->> 'plan' = 'pro' and 'even' = any(c.tags)
                          and exists (select 1 from contacts.activities a where a.contact_id = c.id and a.kind = 'opened'
                                      and a.occurred_at >= now() - interval '30 days' and a.source_id = :campaign)""").param("campaign", campaign).query(UUID.class).list()));
        assertThat(byHand).hasSize(5);
        assertThat(saved.get("contacts").asLong()).isEqualTo(byHand.size());
        assertThat(members(saved.get("segment").get("id").asString())).isEqualTo(byHand);
        assertThat(api.post("/api/v1/segments/count", token, definition)
                        .json()
                        .get("contacts")
                        .asLong())
                .as("the live count")
                .isEqualTo(byHand.size());
    }

    @Test
    void anyOfListMembershipOrAnOldClickAndNumbersCompareAsNumbers() {
        long listOrClick = java.util.stream.IntStream.range(0, CONTACTS)
                .filter(i -> i % 5 == 0 || i % 6 == 0)
                .count();
        assertThat(count("""
                        {"match": "any", "conditions": [
                          {"type": "list", "op": "member", "list_id": "%s"},
                          {"type": "activity", "op": "did", "kind": "clicked", "within_days": 60}]}""".formatted(list))).isEqualTo(listOrClick);
        assertThat(count("""
                        {"match": "all", "conditions": [
                          {"type": "attribute", "field": "seats", "op": "gte", "value": 9},
                          {"type": "activity", "op": "did_not", "kind": "clicked", "within_days": 30},
                          {"type": "field", "field": "email", "op": "starts_with", "value": "C5"}]}"""))
                .as("c5 and c50..c59: seats 9 or more compared as numbers, not text")
                .isEqualTo(10);
        assertThat(count("{\"match\": \"all\", \"conditions\": [{\"type\": \"active\", \"within_days\": 30}]}"))
                .isEqualTo(15);
    }

    @Test
    void aVisitToAPageOfTheWorkspacesSiteSelectsTheVisitor() {
        api.get("/api/v1/analytics/sessions", token);
        UUID site = inTenant(() -> jdbc.sql("select id from measurement.sites where is_default")
                .query(UUID.class)
                .single());
        inTenant(() -> jdbc.sql("""
                        insert into measurement.trackers (tenant_id, site_id, id, event_id, session_id, event_type, page_url,
                            user_id, is_bot, created_at, received_at)
                        values (:tenant, :site, gen_random_uuid(), 'e1', 's1', 'page_view', 'https://shop.example/Pricing',
                                :user, false, :now, :now),
                               (:tenant, :site, gen_random_uuid(), 'e2', 's2', 'page_view', 'https://shop.example/pricing',
                                'c7@example.com', true, :now, :now)""")
                .param("tenant", ada.tenantId())
                .param("site", site)
                .param("user", contacts.get(3).toString())
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update());

        JsonNode saved = api.post("/api/v1/segments", token, """
                        {"name": "Saw pricing", "definition": {"match": "all", "conditions": [
                          {"type": "visited", "value": "/pricing", "within_days": 7}]}}""").json();

        assertThat(members(saved.get("segment").get("id").asString()))
                .as("the contact whose id the site passed; robots left out")
                .containsExactly(contacts.get(3));
    }

    @Test
    void aConditionThatCannotBeOneIsNamedAndAnotherWorkspacesSegmentIsNotFound() {
        Api.Response refused = api.post("/api/v1/segments/count", token, """
                {"match": "most", "conditions": [
                  {"type": "attribute", "field": "shoe_size", "op": "eq", "value": 1},
                  {"type": "attribute", "field": "seats", "op": "gt", "value": "many"},
                  {"type": "tag", "op": "is", "value": "x"},
                  {"type": "activity", "op": "did", "kind": "opened", "within_days": 0},
                  {"type": "field", "field": "password", "op": "eq", "value": "x"},
                  {"type": "magic"}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder(
                        "match",
                        "conditions[0].field",
                        "conditions[1].value",
                        "conditions[2].op",
                        "conditions[3].within_days",
                        "conditions[4].field",
                        "conditions[5].type");
        String theirs = accounts.owner().accessToken();
        UUID segment = UUID.fromString(api.post("/api/v1/segments", token, """
                        {"name": "Pros", "definition": {"match": "all", "conditions": [
                          {"type": "attribute", "field": "plan", "op": "eq", "value": "pro"}]}}""")
                .json()
                .get("segment")
                .get("id")
                .asString());
        assertThat(api.get("/api/v1/segments/" + segment, theirs).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/segments/" + segment + "/contacts", theirs).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/segments/count", theirs, """
                        {"match": "all", "conditions": [{"type": "list", "op": "member", "list_id": "%s"}]}""".formatted(list))
                        .json()
                        .get("contacts")
                        .asLong())
                .as("another workspace's list has no members here")
                .isZero();
    }

    private long count(String definition) {
        Api.Response counted = api.post("/api/v1/segments/count", token, definition);
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        return counted.json().get("contacts").asLong();
    }

    private Set<UUID> members(String segment) {
        return Pages.walk(api, "/api/v1/segments/" + segment + "/contacts", token, 50).items().stream()
                .map(contact -> UUID.fromString(contact.get("id").asString()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void activity(UUID contact, String kind, Instant at) {
        inTenant(() -> jdbc.sql("""
                        insert into contacts.activities (tenant_id, id, contact_id, kind, channel, source_type, source_id,
                            occurred_at)
                        values (:tenant, gen_random_uuid(), :contact, :kind, 'email', 'email_campaign', :campaign, :at)""")
                .param("tenant", ada.tenantId())
                .param("contact", contact)
                .param("kind", kind)
                .param("campaign", campaign)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update());
        inTenant(() -> {
            activities.rescore(contact, Instant.now());
            return null;
        });
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return transactions.inTransactionAs(TenantId.of(ada.tenantId()), work);
    }

    private void declare(String name, String type) {
        ContactsTest.declare(api, token, name, type);
    }
}
