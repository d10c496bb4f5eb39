package io.reach.podcasts.sponsorship;

import static io.reach.platform.time.UtcTimes.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code podcasts.sponsors}, in the workspace's transaction. */
@Repository
public class Sponsors {

    private static final String SELECT = "select id, name, website_url, logo_url, industry, description,"
            + " contacts::text as contacts, target_countries, target_devices, excluded_categories, max_cpm, budget,"
            + " created_at, updated_at from podcasts.sponsors";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Sponsors(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A person at the sponsor to deal with. */
    public record Contact(
            String name, @Nullable String email, @Nullable String role) {}

    /** A sponsor as the API shows it. */
    public record Sponsor(
            UUID id,
            String name,
            @Nullable String websiteUrl,
            @Nullable String logoUrl,
            @Nullable String industry,
            @Nullable String description,
            List<Contact> contacts,
            List<String> targetCountries,
            List<String> targetDevices,
            List<String> excludedCategories,
            @Nullable BigDecimal maxCpm,
            @Nullable BigDecimal budget,
            Instant createdAt,
            Instant updatedAt) {}

    List<Sponsor> all() {
        return jdbc.sql(SELECT + " order by lower(name)").query(this::sponsor).list();
    }

    Optional<Sponsor> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::sponsor)
                .optional();
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from podcasts.sponsors where lower(name) = lower(:name)"
                        + " and id is distinct from :except)")
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    void save(Sponsor sponsor) {
        jdbc.sql("""
                insert into podcasts.sponsors (tenant_id, id, name, website_url, logo_url, industry, description, contacts,
                    target_countries, target_devices, excluded_categories, max_cpm, budget, created_at, updated_at)
                values (platform.current_tenant_id(), :id, :name, :website, :logo, :industry, :description,
                    cast(:contacts as jsonb), :countries, :devices, :excluded, :max_cpm, :budget, :created, :updated)
                on conflict (tenant_id, id) do update set name = excluded.name, website_url = excluded.website_url,
                    logo_url = excluded.logo_url, industry = excluded.industry, description = excluded.description,
                    contacts = excluded.contacts, target_countries = excluded.target_countries,
                    target_devices = excluded.target_devices, excluded_categories = excluded.excluded_categories,
                    max_cpm = excluded.max_cpm, budget = excluded.budget, updated_at = excluded.updated_at""")
                .param("id", sponsor.id())
                .param("name", sponsor.name())
                .param("website", sponsor.websiteUrl())
                .param("logo", sponsor.logoUrl())
                .param("industry", sponsor.industry())
                .param("description", sponsor.description())
                .param("contacts", json.writeValueAsString(sponsor.contacts()))
                .param("countries", sponsor.targetCountries().toArray(String[]::new))
                .param("devices", sponsor.targetDevices().toArray(String[]::new))
                .param("excluded", sponsor.excludedCategories().toArray(String[]::new))
                .param("max_cpm", sponsor.maxCpm())
                .param("budget", sponsor.budget())
                .param("created", utc(sponsor.createdAt()))
                .param("updated", utc(sponsor.updatedAt()))
                .update();
    }

    boolean hasBookings(UUID id) {
        return jdbc.sql("select exists (select 1 from podcasts.io_bookings where sponsor_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.sponsors where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private Sponsor sponsor(ResultSet rs, int row) throws SQLException {
        return new Sponsor(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getString("name")),
                rs.getString("website_url"),
                rs.getString("logo_url"),
                rs.getString("industry"),
                rs.getString("description"),
                json.readValue(Objects.requireNonNull(rs.getString("contacts")), new TypeReference<List<Contact>>() {}),
                texts(rs.getArray("target_countries")),
                texts(rs.getArray("target_devices")),
                texts(rs.getArray("excluded_categories")),
                rs.getBigDecimal("max_cpm"),
                rs.getBigDecimal("budget"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }

    static List<String> texts(java.sql.@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.stream((Object[]) array.getArray())
                .map(String::valueOf)
                .toList();
    }
}
