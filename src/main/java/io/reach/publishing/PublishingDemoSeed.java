package io.reach.publishing;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.identity.UserPrincipal;
import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.AccountNames;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The demo's posts: a month of published history (every third day, one that failed with the
 * platform's words), three scheduled for the coming days, one waiting for the owner's approval and
 * one draft. The editor writes them and the owner approves, as the workflow requires; history is
 * recorded as it would have been (jobs, attempts, published posts), since it cannot be re-lived.
 */
@Component
class PublishingDemoSeed implements DemoSeed {

    private static final List<String> TOPICS = List.of(
            "New arrivals are in: linen shirts for the last warm days.",
            "Behind the scenes: how we pick our coffee beans.",
            "Five ways to style a denim jacket this season.",
            "Our weekend sale starts Friday at 9:00.",
            "Customer story: Maya's cabin, furnished with our oak range.",
            "Tip of the week: care for leather so it lasts a decade.",
            "Meet the team: Theo runs our workshop.",
            "Poll: which colour should the next mug come in?",
            "Free delivery on orders over £40 this week.",
            "Thank you for 10,000 followers!");

    private final PostWorkflow workflow;
    private final AccountNames accountNames;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    PublishingDemoSeed(
            PostWorkflow workflow, AccountNames accountNames, TenantTransactions transactions, JdbcClient jdbc) {
        this.workflow = workflow;
        this.accountNames = accountNames;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String describe() {
        return "a month of posts: published, scheduled, awaiting approval";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        List<UUID> accounts = accountNames.all().stream()
                .filter(AccountNames.Named::connected)
                .map(AccountNames.Named::id)
                .toList();
        UserPrincipal owner = principal(workspace, workspace.owner());
        UserPrincipal editor = principal(workspace, workspace.teammate());
        int topic = 0;
        for (int daysAgo = workspace.days() - 1; daysAgo >= 1; daysAgo -= 3) {
            Instant at = localTime(workspace, -daysAgo, 10 + daysAgo % 6);
            UUID post = workflow.create(editor, null, variants(accounts, TOPICS.get(topic++ % TOPICS.size())));
            recordPublished(workspace, post, at, daysAgo == 5);
        }
        for (int day = 1; day <= 3; day++) {
            UUID post = workflow.create(editor, null, variants(accounts, TOPICS.get(topic++ % TOPICS.size())));
            workflow.submit(editor, post);
            workflow.approve(owner, post);
            workflow.schedule(
                    owner,
                    post,
                    localTime(workspace, day, 9 + day),
                    workspace.zone().getId());
        }
        UUID waiting = workflow.create(editor, null, variants(accounts, "Sneak peek: our winter collection."));
        workflow.submit(editor, waiting);
        workflow.create(owner, "Ideas for December", variants(accounts.subList(0, 1), "Gift guide: draft"));
    }

    private static UserPrincipal principal(DemoWorkspace workspace, DemoWorkspace.Person person) {
        return new UserPrincipal(
                person.userId(),
                workspace.tenant(),
                person.membershipId(),
                person.role(),
                person.email(),
                Set.of("*"),
                "user");
    }

    private static List<PostWorkflow.VariantInput> variants(List<UUID> accounts, String text) {
        var empty = JsonNodeFactory.instance;
        return accounts.stream()
                .map(account ->
                        new PostWorkflow.VariantInput(account, text, List.of(), empty.arrayNode(), empty.objectNode()))
                .toList();
    }

    private static Instant localTime(DemoWorkspace workspace, int days, int hour) {
        return workspace
                .now()
                .atZone(workspace.zone())
                .plusDays(days)
                .with(LocalTime.of(hour, 0))
                .toInstant();
    }

    /** What publishing would have recorded: the post published (or failed), its jobs, attempts and results. */
    private void recordPublished(DemoWorkspace workspace, UUID post, Instant at, boolean failed) {
        transactions.inTransaction(() -> {
            jdbc.sql("""
                    update publishing.posts set status = :status, submitted_at = :submitted, approved_by = :owner,
                        approved_at = :approved, scheduled_at = :at, time_zone = :zone,
                        published_at = case when :status = 'published' then :at end, updated_at = :at
                    where id = :post""")
                    .param("status", failed ? "failed" : "published")
                    .param("submitted", utc(at.minus(1, ChronoUnit.DAYS)))
                    .param("approved", utc(at.minus(20, ChronoUnit.HOURS)))
                    .param("owner", workspace.owner().userId())
                    .param("at", utc(at))
                    .param("zone", workspace.zone().getId())
                    .param("post", post)
                    .update();
            jdbc.sql("""
                    insert into publishing.publish_jobs (tenant_id, id, post_id, post_variant_id, social_account_id, platform,
                        scheduled_at, next_attempt_at, status, attempt, idempotency_key, provider_job_id, last_error,
                        last_error_kind, last_http_status, published_at, created_at, updated_at)
                    select tenant_id, gen_random_uuid(), post_id, id, social_account_id, platform, :at, :at,
                        case when :failed then 'failed' else 'success' end, 1, 'demo-' || id,
                        case when :failed then null else 'sbx_demo_' || replace(id::text, '-', '') end,
                        case when :failed then 'Media upload failed: the image at the given URL could not be fetched (HTTP 404)' end,
                        case when :failed then 'terminal' end, case when :failed then 422 end,
                        case when :failed then null else :at end, :at, :at
                    from publishing.post_variants where post_id = :post""")
                    .param("at", utc(at))
                    .param("failed", failed)
                    .param("post", post)
                    .update();
            jdbc.sql("""
                    insert into publishing.publish_attempts (tenant_id, id, publish_job_id, attempted_at, outcome, http_status,
                        response_excerpt)
                    select tenant_id, gen_random_uuid(), id, :at, case when status = 'failed' then 'terminal' else 'published' end,
                        coalesce(last_http_status, 201), coalesce(last_error, '{"id": "' || provider_job_id || '"}')
                    from publishing.publish_jobs where post_id = :post""").param("at", utc(at)).param("post", post).update();
            jdbc.sql("""
                    insert into publishing.social_posts (tenant_id, id, social_account_id, post_id, post_variant_id,
                        publish_job_id, post_content, post_type, external_post_id, scheduled_at, published_at, created_at)
                    select j.tenant_id, gen_random_uuid(), j.social_account_id, j.post_id, j.post_variant_id, j.id, v.text,
                        'text', j.provider_job_id, j.scheduled_at, j.published_at, j.published_at
                    from publishing.publish_jobs j
                    join publishing.post_variants v on v.tenant_id = j.tenant_id and v.id = j.post_variant_id
                    where j.post_id = :post and j.status = 'success'""").param("post", post).update();
        });
    }
}
