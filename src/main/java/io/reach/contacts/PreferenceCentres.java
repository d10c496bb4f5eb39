package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's preference-centre branding (one row, or none for the default). */
@Repository
class PreferenceCentres {

    private static final String FIND = """
            select title, introduction, brand_name, logo_url, accent_color, footer, offer_frequency
            from contacts.preference_centres""";
    private static final String SAVE = """
            insert into contacts.preference_centres (tenant_id, title, introduction, brand_name, logo_url,
                accent_color, footer, offer_frequency, updated_at)
            values (:tenant, :title, :introduction, :brand_name, :logo_url, :accent_color, :footer, :offer_frequency, :now)
            on conflict (tenant_id) do update set title = excluded.title, introduction = excluded.introduction,
                brand_name = excluded.brand_name, logo_url = excluded.logo_url, accent_color = excluded.accent_color,
                footer = excluded.footer, offer_frequency = excluded.offer_frequency, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;

    PreferenceCentres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PreferenceBranding> find() {
        return jdbc.sql(FIND)
                .query((rs, row) -> new PreferenceBranding(
                        rs.getString("title"),
                        rs.getString("introduction"),
                        rs.getString("brand_name"),
                        rs.getString("logo_url"),
                        rs.getString("accent_color"),
                        rs.getString("footer"),
                        rs.getBoolean("offer_frequency")))
                .optional();
    }

    void save(PreferenceBranding branding, Instant now) {
        jdbc.sql(SAVE)
                .param("tenant", TenantContext.require().value())
                .param("title", branding.title())
                .param("introduction", branding.introduction())
                .param("brand_name", branding.brandName())
                .param("logo_url", branding.logoUrl())
                .param("accent_color", branding.accentColor())
                .param("footer", branding.footer())
                .param("offer_frequency", branding.offerFrequency())
                .param("now", utc(now))
                .update();
    }
}
