package io.reach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.audit.AuditEntry.ActorType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final UUID USER = UUID.fromString("018f0000-0000-7000-8000-000000000001");
    private static final UUID POST = UUID.fromString("018f0000-0000-7000-8000-000000000002");
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.9", "curl/8");

    @Test
    void a_creation_names_who_what_which_resource_its_values_and_the_request() {
        AuditEntry entry = AuditEntry.byUser(USER, "post.created")
                .on("post", POST, "publishing.posts")
                .values(Map.of("title", "Launch"))
                .from(ORIGIN);

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        USER,
                        ActorType.USER,
                        "post.created",
                        "post",
                        POST.toString(),
                        "publishing.posts",
                        null,
                        Map.of("title", "Launch"),
                        ORIGIN));
    }

    @Test
    void a_change_keeps_the_values_before_and_after() {
        AuditEntry entry = AuditEntry.byIdentityProvider(USER, "mfa.enabled")
                .on("user", USER, "identity.users")
                .changed(Map.of("mfa_enabled", false), Map.of("mfa_enabled", true));

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        USER,
                        ActorType.IDENTITY_PROVIDER,
                        "mfa.enabled",
                        "user",
                        USER.toString(),
                        "identity.users",
                        Map.of("mfa_enabled", false),
                        Map.of("mfa_enabled", true),
                        null));
    }

    @Test
    void a_removal_keeps_the_values_before_and_nothing_after() {
        AuditEntry entry = AuditEntry.by(USER, ActorType.API_KEY, "site.deleted")
                .on("site", "s-1", "measurement.sites")
                .removed(Map.of("name", "Shop"));

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        USER,
                        ActorType.API_KEY,
                        "site.deleted",
                        "site",
                        "s-1",
                        "measurement.sites",
                        Map.of("name", "Shop"),
                        null,
                        null));
    }

    @Test
    void a_platform_administrator_acts_without_a_user_id() {
        AuditEntry entry =
                AuditEntry.byPlatformAdmin("membership.owner_named").on("user", USER, "identity.memberships");

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        null,
                        ActorType.PLATFORM_ADMIN,
                        "membership.owner_named",
                        "user",
                        USER.toString(),
                        "identity.memberships",
                        null,
                        null,
                        null));
    }
}
