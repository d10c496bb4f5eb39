package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Publishing's unbounded lists answer {items, next_cursor} in pages, in time order (#14.10). */
@ReachTest
class PublishingListsTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aPostsEngagementIsPagedOldestFirst() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "x-" + UUID.randomUUID());
        UUID post = UUID.randomUUID();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("""
                    insert into publishing.social_posts (tenant_id, id, social_account_id, post_type, external_post_id,
                        published_at, created_at) values (?, ?, ?, 'text', 'p1', now(), now())""", ada.tenantId(), post, account);
            String measure = """
                    insert into publishing.social_engagement (tenant_id, id, social_post_id, engagement_type, engagement_count,
                        recorded_at) values (?, ?, ?, ?, ?, now() - cast(? as interval))""";
            jdbc.update(measure, ada.tenantId(), UUID.randomUUID(), post, "like", 3, "1 hour");
            jdbc.update(measure, ada.tenantId(), UUID.randomUUID(), post, "like", 1, "3 hours");
            jdbc.update(measure, ada.tenantId(), UUID.randomUUID(), post, "share", 1, "3 hours");
            jdbc.update(measure, ada.tenantId(), UUID.randomUUID(), post, "like", 2, "2 hours");
            jdbc.update(measure, ada.tenantId(), UUID.randomUUID(), post, "like", 9, "40 days");
        });

        Pages.Walk walk = Pages.walk(api, "/api/v1/social-posts/" + post + "/engagement", ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items().stream()
                        .map(m -> m.get("engagement_type").asString()
                                + m.get("engagement_count").asLong()))
                .as("the last 30 days, oldest first")
                .containsExactly("like1", "share1", "like2", "like3");
    }

    @Test
    void consentsArePagedInTheOrderTheyWereRecorded() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "x-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            String automation = api.post("/api/v1/automations", ada.accessToken(), """
                    {"social_account_id": "%s", "name": "Automation %d",
                     "trigger": {"type": "new_comment", "keywords": ["price"]},
                     "actions": [{"type": "notify", "text": "Someone asks about prices"}]}""".formatted(account, i))
                    .json()
                    .get("id")
                    .asString();
            assertThat(api.post("/api/v1/automations/" + automation + "/consent", ada.accessToken(), null)
                            .status())
                    .isEqualTo(200);
        }

        Pages.Walk walk = Pages.walk(api, "/api/v1/consents?social_account_id=" + account, ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items()).hasSize(3);
        assertThat(walk.items().stream().map(consent -> consent.get("id").asString()))
                .isSorted()
                .doesNotHaveDuplicates();
    }
}
