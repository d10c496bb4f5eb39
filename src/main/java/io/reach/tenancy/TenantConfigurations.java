package io.reach.tenancy;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant-scoped configuration tables. Every statement acts on the current tenant only:
 * row-level security filters by {@code app.tenant_id}, and inserts take their tenant_id from it.
 */
@Repository
class TenantConfigurations {

    private static final String UPSERT_SETTINGS = """
            insert into tenancy.tenant_settings (tenant_id, settings, created_at, updated_at)
            values (platform.current_tenant_id(), :settings::jsonb, :now, :now)
            on conflict (tenant_id) do update set settings = excluded.settings, updated_at = excluded.updated_at""";
    private static final String UPSERT_QUOTAS = """
            insert into tenancy.tenant_quotas (tenant_id, max_users, max_podcasts, max_campaigns, max_social_accounts,
                max_storage_bytes, max_monthly_emails, max_monthly_sms, max_monthly_events, max_monthly_ai_tokens,
                max_api_requests_per_minute, created_at, updated_at)
            values (platform.current_tenant_id(), :maxUsers, :maxPodcasts, :maxCampaigns, :maxSocialAccounts,
                :maxStorageBytes, :maxMonthlyEmails, :maxMonthlySms, :maxMonthlyEvents, :maxMonthlyAiTokens,
                :maxApiRequestsPerMinute, :now, :now)
            on conflict (tenant_id) do update set max_users = excluded.max_users, max_podcasts = excluded.max_podcasts,
                max_campaigns = excluded.max_campaigns, max_social_accounts = excluded.max_social_accounts,
                max_storage_bytes = excluded.max_storage_bytes, max_monthly_emails = excluded.max_monthly_emails,
                max_monthly_sms = excluded.max_monthly_sms, max_monthly_events = excluded.max_monthly_events,
                max_monthly_ai_tokens = excluded.max_monthly_ai_tokens,
                max_api_requests_per_minute = excluded.max_api_requests_per_minute, updated_at = excluded.updated_at""";
    private static final String UPSERT_WHITE_LABEL = """
            insert into tenancy.white_label_settings (tenant_id, brand_name, logo_url, primary_color, custom_domain,
                created_at, updated_at)
            values (platform.current_tenant_id(), :brandName, :logoUrl, :primaryColor, :customDomain, :now, :now)
            on conflict (tenant_id) do update set brand_name = excluded.brand_name, logo_url = excluded.logo_url,
                primary_color = excluded.primary_color, custom_domain = excluded.custom_domain,
                updated_at = excluded.updated_at""";
    private static final String RELEASE_DOMAIN =
            "delete from tenancy.custom_domains where tenant_id = platform.current_tenant_id()";
    private static final String CLAIM_DOMAIN = """
            insert into tenancy.custom_domains (domain, tenant_id, created_at)
            values (:domain, platform.current_tenant_id(), :now)""";
    private static final String FIND = """
            select s.settings::text as settings, q.*, w.brand_name, w.logo_url, w.primary_color, w.custom_domain
            from tenancy.tenant_settings s
            join tenancy.tenant_quotas q using (tenant_id)
            join tenancy.white_label_settings w using (tenant_id)""";
    private static final String FIND_QUOTAS = "select * from tenancy.tenant_quotas";
    private static final String LOCK_LIMIT = """
            select cast(%s as bigint) as quota_limit from tenancy.tenant_quotas where tenant_id = platform.current_tenant_id()
            for no key update""";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TenantConfigurations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The current tenant's configuration; empty when no tenant is bound or the tenant has none (or is another's). */
    Optional<TenantConfiguration> find() {
        return jdbc.sql(FIND)
                .query((rs, row) -> new TenantConfiguration(
                        json.readValue(rs.getString("settings"), JSON_OBJECT), quotas(rs), whiteLabel(rs)))
                .optional();
    }

    Optional<TenantQuotas> findQuotas() {
        return jdbc.sql(FIND_QUOTAS).query((rs, row) -> quotas(rs)).optional();
    }

    /**
     * The current tenant's limit of {@code quota} (null = unlimited), its quota row locked until
     * the transaction ends so that checks of the same tenant's growth take turns.
     */
    @Nullable
    Long lockLimit(Quota quota) {
        return jdbc.sql(LOCK_LIMIT.formatted(quota.column()))
                .query((rs, row) -> new Limit(bigint(rs, "quota_limit")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No quotas for the current tenant"))
                .value();
    }

    private record Limit(@Nullable Long value) {}

    void saveSettings(Map<String, Object> settings, Instant now) {
        requireTenant();
        String written = json.writeValueAsString(settings);
        if (written.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > TenantAdminController.MAX_SETTINGS_BYTES) {
            // merged settings can outgrow the limit although each request is small
            throw new io.reach.platform.web.InvalidRequestException(new io.reach.platform.web.FieldError(
                    "settings", "must be at most " + TenantAdminController.MAX_SETTINGS_BYTES + " bytes of JSON"));
        }
        jdbc.sql(UPSERT_SETTINGS)
                .param("settings", written)
                .param("now", utc(now))
                .update();
    }

    void saveQuotas(TenantQuotas quotas, Instant now) {
        requireTenant();
        jdbc.sql(UPSERT_QUOTAS).params(componentsOf(quotas, now)).update();
    }

    /** Saves the white label and moves the tenant's custom-domain route with it. */
    void saveWhiteLabel(WhiteLabel whiteLabel, Instant now) {
        requireTenant();
        jdbc.sql(RELEASE_DOMAIN).update();
        if (whiteLabel.customDomain() != null) {
            try {
                jdbc.sql(CLAIM_DOMAIN)
                        .param("domain", whiteLabel.customDomain())
                        .param("now", utc(now))
                        .update();
            } catch (DuplicateKeyException e) {
                throw TenantStateConflict.domainTaken(whiteLabel.customDomain());
            }
        }
        jdbc.sql(UPSERT_WHITE_LABEL).params(componentsOf(whiteLabel, now)).update();
    }

    /** A record's components as named parameters (nulls included), plus {@code :now}. */
    private static Map<String, @Nullable Object> componentsOf(Record record, Instant now) {
        Map<String, @Nullable Object> params = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                params.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        params.put("now", utc(now));
        return params;
    }

    private static TenantQuotas quotas(ResultSet rs) throws SQLException {
        return new TenantQuotas(
                integer(rs, "max_users"),
                integer(rs, "max_podcasts"),
                integer(rs, "max_campaigns"),
                integer(rs, "max_social_accounts"),
                bigint(rs, "max_storage_bytes"),
                bigint(rs, "max_monthly_emails"),
                bigint(rs, "max_monthly_sms"),
                bigint(rs, "max_monthly_events"),
                bigint(rs, "max_monthly_ai_tokens"),
                integer(rs, "max_api_requests_per_minute"));
    }

    private static WhiteLabel whiteLabel(ResultSet rs) throws SQLException {
        return new WhiteLabel(
                rs.getString("brand_name"),
                rs.getString("logo_url"),
                rs.getString("primary_color"),
                rs.getString("custom_domain"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    private static @Nullable Long bigint(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    private static void requireTenant() {
        TenantContext.require();
    }
}
