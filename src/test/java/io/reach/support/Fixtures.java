package io.reach.support;

import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Rows tests need that no API makes yet (or that would take a whole flow to make), written as the owner. */
@TestComponent
public class Fixtures {

    private final OwnerDatabase owner;

    public Fixtures(OwnerDatabase owner) {
        this.owner = owner;
    }

    /** Adds {@code user} to {@code tenant} with {@code role}; returns the membership id. */
    public UUID addMember(UUID tenant, UUID user, String role) {
        UUID id = UUID.randomUUID();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            jdbc.update("""
                    insert into identity.memberships (tenant_id, id, user_id, role, user_type, joined_at, created_at, updated_at)
                    values (?, ?, ?, ?, 'member', now(), now(), now())""", tenant, id, user, role);
        });
        return id;
    }

    /** A connected (active) account of {@code platform}, routed for inbound events; returns its id. */
    public UUID socialAccount(UUID tenant, String platform, UUID channel, String platformUserId) {
        UUID id = UUID.randomUUID();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            jdbc.update("""
                    insert into social.social_accounts (tenant_id, id, social_channel_id, platform, handle, platform_user_id,
                        status, connected_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 'active', now(), now(), now())""", tenant, id, channel, platform, "@" + platformUserId, platformUserId);
            jdbc.update(
                    "insert into social.account_routes (platform, platform_user_id, tenant_id, social_account_id)"
                            + " values (?, ?, ?, ?)",
                    platform,
                    platformUserId,
                    tenant,
                    id);
        });
        return id;
    }
}
