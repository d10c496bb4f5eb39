package io.reach.publishing.automation;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's automations, the consents they run under, and the log of their executions. */
@Repository
class Automations {

    private static final String COLUMNS = """
            id, social_account_id, name, enabled, trigger::text as trigger, actions::text as actions, consent_required,
            created_by, created_at, updated_at, version""";
    private static final String CONSENT_COLUMNS =
            "id, social_account_id, automation_id, granted_by, granted_at, revoked_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;

    Automations(JdbcClient jdbc, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    record Automation(
            UUID id,
            UUID socialAccountId,
            String name,
            boolean enabled,
            JsonNode trigger,
            JsonNode actions,
            boolean consentRequired,
            @Nullable UUID createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    UUID create(
            UUID account,
            String name,
            boolean enabled,
            JsonNode trigger,
            JsonNode actions,
            boolean consentRequired,
            @Nullable UUID createdBy,
            Instant now) {
        UUID id = ids.next();
        jdbc.sql("""
                insert into publishing.automations (tenant_id, id, social_account_id, name, enabled, trigger, actions,
                    consent_required, created_by, created_at, updated_at)
                values (:tenant, :id, :account, :name, :enabled, :trigger::jsonb, :actions::jsonb, :consent, :createdBy,
                    :now, :now)""")
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("account", account)
                .param("name", name)
                .param("enabled", enabled)
                .param("trigger", trigger.toString())
                .param("actions", actions.toString())
                .param("consent", consentRequired)
                .param("createdBy", createdBy)
                .param("now", utc(now))
                .update();
        return id;
    }

    Optional<Automation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from publishing.automations where id = :id")
                .param("id", id)
                .query(this::automation)
                .optional();
    }

    List<Automation> list(@Nullable UUID account, @Nullable Boolean enabled, UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from publishing.automations
                where id > :after and (cast(:account as uuid) is null or social_account_id = :account)
                  and (cast(:enabled as boolean) is null or enabled = :enabled)
                order by id limit :limit""")
                .param("after", after)
                .param("account", account)
                .param("enabled", enabled)
                .param("limit", limit)
                .query(this::automation)
                .list();
    }

    /** The enabled automations watching an account. */
    List<Automation> enabledFor(UUID account) {
        return jdbc.sql("select " + COLUMNS
                        + " from publishing.automations where social_account_id = :account and enabled")
                .param("account", account)
                .query(this::automation)
                .list();
    }

    /** Saves a change; false when the automation changed since {@code before} was read. */
    boolean update(Automation before, Automation after, Instant now) {
        return jdbc.sql("""
                update publishing.automations set name = :name, enabled = :enabled, trigger = :trigger::jsonb,
                    actions = :actions::jsonb, consent_required = :consent, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                        .param("id", before.id())
                        .param("version", before.version())
                        .param("name", after.name())
                        .param("enabled", after.enabled())
                        .param("trigger", after.trigger().toString())
                        .param("actions", after.actions().toString())
                        .param("consent", after.consentRequired())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from publishing.automations where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    record Consent(
            UUID id,
            UUID socialAccountId,
            UUID automationId,
            @Nullable UUID grantedBy,
            Instant grantedAt,
            @Nullable Instant revokedAt) {

        boolean active() {
            return revokedAt == null;
        }
    }

    /** Records (or renews) consent for the automation to act as its account. */
    Consent grant(Automation automation, @Nullable UUID grantedBy, Instant now) {
        return jdbc.sql("""
                insert into publishing.consents (tenant_id, id, social_account_id, automation_id, granted_by, granted_at)
                values (:tenant, :id, :account, :automation, :grantedBy, :now)
                on conflict (tenant_id, social_account_id, automation_id) do update
                    set granted_by = excluded.granted_by, granted_at = excluded.granted_at, revoked_at = null
                returning\s""" + CONSENT_COLUMNS)
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("account", automation.socialAccountId())
                .param("automation", automation.id())
                .param("grantedBy", grantedBy)
                .param("now", utc(now))
                .query(Consent.class)
                .single();
    }

    Optional<Consent> revoke(UUID automation, Instant now) {
        return jdbc.sql("update publishing.consents set revoked_at = coalesce(revoked_at, :now)"
                        + " where automation_id = :automation returning " + CONSENT_COLUMNS)
                .param("automation", automation)
                .param("now", utc(now))
                .query(Consent.class)
                .optional();
    }

    Optional<Consent> consentOf(Automation automation) {
        return jdbc.sql("select " + CONSENT_COLUMNS + " from publishing.consents"
                        + " where automation_id = :automation and social_account_id = :account")
                .param("automation", automation.id())
                .param("account", automation.socialAccountId())
                .query(Consent.class)
                .optional();
    }

    /** Consents in the order they were recorded (ids are UUIDv7), after {@code after}. */
    List<Consent> consents(@Nullable UUID account, UUID after, int limit) {
        return jdbc.sql("select " + CONSENT_COLUMNS + " from publishing.consents"
                        + " where (cast(:account as uuid) is null or social_account_id = :account) and id > :after"
                        + " order by id limit :limit")
                .param("account", account)
                .param("after", after)
                .param("limit", limit)
                .query(Consent.class)
                .list();
    }

    record Execution(UUID id, UUID eventId, String status, String detail, JsonNode results, Instant executedAt) {}

    /** Logs one run of an automation for an event; false when that event already ran it. */
    boolean logExecution(UUID automation, UUID event, String status, String detail, JsonNode results, Instant now) {
        return jdbc.sql("""
                insert into publishing.automation_executions (tenant_id, id, automation_id, event_id, status, detail,
                    results, executed_at)
                values (:tenant, :id, :automation, :event, :status, :detail, :results::jsonb, :now)
                on conflict (tenant_id, automation_id, event_id) do nothing""")
                        .param("tenant", TenantContext.require().value())
                        .param("id", ids.next())
                        .param("automation", automation)
                        .param("event", event)
                        .param("status", status)
                        .param("detail", detail)
                        .param("results", results.toString())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    List<Execution> executions(UUID automation, UUID before, int limit) {
        return jdbc.sql("""
                select id, event_id, status, detail, results::text as results, executed_at
                from publishing.automation_executions where automation_id = :automation and id < :before
                order by id desc limit :limit""")
                .param("automation", automation)
                .param("before", before)
                .param("limit", limit)
                .query((rs, row) -> new Execution(
                        rs.getObject("id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("detail"),
                        json.readTree(rs.getString("results")),
                        rs.getObject("executed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private Automation automation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Automation(
                rs.getObject("id", UUID.class),
                rs.getObject("social_account_id", UUID.class),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                json.readTree(rs.getString("trigger")),
                json.readTree(rs.getString("actions")),
                rs.getBoolean("consent_required"),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }
}
