package io.reach.support;

import io.reach.platform.crypto.SecretBox;
import java.util.List;
import java.util.UUID;

/** Publish jobs due now, written straight to the database: the dispatch bench's and the due-claim test's data. */
public final class DueJobs {

    /** The LinkedIn channel the seeds create. */
    private static final UUID LINKEDIN = UUID.fromString("0193a0c0-0000-7000-8000-000000000004");

    private final OwnerDatabase owner;
    private final SecretBox box;

    public DueJobs(OwnerDatabase owner, SecretBox box) {
        this.owner = owner;
        this.box = box;
    }

    /** {@code count} posts of one LinkedIn variant each, due now, their jobs pending; returns the jobs' ids. */
    public List<UUID> create(UUID tenant, UUID account, int count) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            UUID user = jdbc.queryForObject("select user_id from identity.memberships limit 1", UUID.class);
            return jdbc.queryForList("""
                    with p as (
                        insert into publishing.posts (tenant_id, id, created_by, status, scheduled_at, created_at, updated_at)
                        select ?, gen_random_uuid(), ?, 'scheduled', now(), now(), now() from generate_series(1, ?)
                        returning id),
                    v as (
                        insert into publishing.post_variants (tenant_id, id, post_id, social_account_id, platform, text, created_at)
                        select ?, gen_random_uuid(), p.id, ?, 'linkedin', 'due ' || p.id, now() from p
                        returning id, post_id)
                    insert into publishing.publish_jobs (tenant_id, id, post_id, post_variant_id, social_account_id, platform,
                        scheduled_at, next_attempt_at, idempotency_key, created_at, updated_at)
                    select ?, gen_random_uuid(), v.post_id, v.id, ?, 'linkedin', now(), now(), 'due:' || v.id, now(), now()
                    from v returning id""", UUID.class, tenant, user, count, tenant, account, tenant, account);
        });
    }

    /** An active LinkedIn account with a sealed token, as connecting one leaves it (for the no-op adapter). */
    public UUID linkedInAccount(UUID tenant) {
        UUID id = new Fixtures(owner).socialAccount(tenant, "linkedin", LINKEDIN, "bench");
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            jdbc.update(
                    """
                    insert into social.oauth_tokens (tenant_id, id, social_account_id, access_token_enc, created_at, updated_at)
                    values (?, gen_random_uuid(), ?, ?, now(), now())""",
                    tenant,
                    id,
                    box.encrypt("noop".getBytes(), io.reach.social.NoOpLinkedIn.accessTokenAssociatedData(tenant, id)));
        });
        return id;
    }
}
