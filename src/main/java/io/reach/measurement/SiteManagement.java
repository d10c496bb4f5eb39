package io.reach.measurement;

import io.reach.audit.AuditTrail;
import io.reach.identity.Actor;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The sites a workspace measures and the public site keys that write into them: the rules (the
 * default site always exists and is never deleted, a revoked key never changes, origins are
 * normalised) and the transactions, for the API and the console alike.
 */
@Service
class SiteManagement {

    record NewSite(
            String name,
            List<String> domains,
            @Nullable String timeZone,
            List<String> excludedIps,
            List<String> excludedPaths) {}

    /** Only the fields given change; {@code timeZone ""} goes back to the workspace's zone. */
    record SiteChange(
            @Nullable String name,
            @Nullable List<String> domains,
            @Nullable String timeZone,
            @Nullable List<String> excludedIps,
            @Nullable List<String> excludedPaths) {}

    /** {@code siteId}: the site its events go to (none: the workspace's default site). */
    record NewSiteKey(
            String name,
            List<String> allowedOrigins,
            @Nullable UUID siteId) {}

    private final Sites sites;
    private final SiteKeys keys;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    SiteManagement(
            Sites sites, SiteKeys keys, AuditTrail audit, TenantTransactions transactions, Ids ids, Clock clock) {
        this.sites = sites;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    Sites.Site createSite(NewSite site, Actor by) {
        SiteSettings settings = SiteSettings.checked(
                site.name(), site.domains(), site.timeZone(), site.excludedIps(), site.excludedPaths());
        UUID id = ids.next();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            sites.defaultSite(); // the first site a workspace adds is never its default one
            sites.create(id, settings, now);
            recordSite(by, "site.created", id, settings);
            return sites.find(id).orElseThrow();
        });
    }

    /** The sites, the default one included (made here if the workspace has none yet). */
    CursorPage<Sites.Site> sites(PageRequest page) {
        return transactions.inTransaction(() -> {
            sites.defaultSite();
            return CursorPage.of(sites.page(page.afterOrStart(), page.fetchSize()), page, Sites.Site::id);
        });
    }

    Sites.Site site(UUID id) {
        return transactions.inTransaction(() -> sites.find(id).orElseThrow(() -> SiteNotFound.forId(id)));
    }

    Sites.Site changeSite(UUID id, SiteChange change, Actor by) {
        return transactions.inTransaction(() -> {
            Sites.Site before = sites.find(id).orElseThrow(() -> SiteNotFound.forId(id));
            SiteSettings settings = SiteSettings.checked(
                    or(change.name(), before.name()),
                    or(change.domains(), before.domains()),
                    change.timeZone() == null ? before.timeZone() : change.timeZone(),
                    or(change.excludedIps(), before.excludedIps()),
                    or(change.excludedPaths(), before.excludedPaths()));
            sites.replace(id, settings, clock.instant());
            recordSite(by, "site.changed", id, settings);
            return sites.find(id).orElseThrow();
        });
    }

    /** Deletes a site with its events, sessions and rollups; the default site is refused (409). */
    void deleteSite(UUID id, Actor by) {
        transactions.inTransaction(() -> {
            Sites.Site site = sites.find(id).orElseThrow(() -> SiteNotFound.forId(id));
            if (site.isDefault()) {
                throw new ConflictException(
                        "Default site",
                        "The workspace's default site cannot be deleted; API keys that name no site write into it");
            }
            sites.delete(id, clock.instant());
            audit.record(
                    TenantContext.require(),
                    by.act("site.deleted").on("site", id, "measurement.sites").removed(Map.of("name", site.name())));
        });
    }

    SiteKeys.SiteKey createKey(NewSiteKey key, Actor by) {
        List<String> origins = origins(key.allowedOrigins());
        UUID id = ids.next();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            UUID site = sites.chosen(key.siteId()).id();
            keys.create(id, TenantContext.require(), site, key.name().strip(), origins, by.userId(), now);
            recordKey(
                    by,
                    "site_key.created",
                    id,
                    Map.of("name", key.name(), "allowed_origins", origins, "site_id", site));
            return keys.find(id).orElseThrow();
        });
    }

    CursorPage<SiteKeys.SiteKey> keys(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(keys.page(page.afterOrStart(), page.fetchSize()), page, SiteKeys.SiteKey::id));
    }

    SiteKeys.SiteKey key(UUID id) {
        return transactions.inTransaction(() -> keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id)));
    }

    /** Renames a key or replaces its origins (null: unchanged); a revoked key is refused (409). */
    SiteKeys.SiteKey changeKey(UUID id, @Nullable String name, @Nullable List<String> allowedOrigins, Actor by) {
        List<String> origins = allowedOrigins == null ? null : origins(allowedOrigins);
        return transactions.inTransaction(() -> {
            SiteKeys.SiteKey before = keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id));
            if (!keys.update(id, name == null ? null : name.strip(), origins, clock.instant())) {
                throw new ConflictException(
                        "Site key revoked", "A revoked site key cannot be changed; create a new one");
            }
            recordKey(
                    by,
                    "site_key.changed",
                    id,
                    Map.of(
                            "name",
                            before.name(),
                            "allowed_origins",
                            origins == null ? before.allowedOrigins() : origins));
            return keys.find(id).orElseThrow();
        });
    }

    /** Revokes a key (browsers using it are refused at once); revoking it again changes nothing. */
    void revokeKey(UUID id, Actor by) {
        transactions.inTransaction(() -> {
            keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id));
            if (keys.revoke(id, clock.instant())) {
                recordKey(by, "site_key.revoked", id, null);
            }
        });
    }

    private static List<String> origins(List<String> given) {
        List<String> origins = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            var origin = SiteKeys.normalisedOrigin(given.get(i));
            if (origin.isEmpty()) {
                errors.add(new FieldError(
                        "allowed_origins[" + i + "]",
                        "must be an origin such as https://shop.example or https://*.shop.example (no path)"));
            } else if (!origins.contains(origin.get())) {
                origins.add(origin.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.toArray(FieldError[]::new));
        }
        return origins;
    }

    private void recordSite(Actor by, String action, UUID id, SiteSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", settings.name());
        values.put("domains", settings.domains());
        values.put("time_zone", settings.timeZone() == null ? "" : settings.timeZone());
        values.put("excluded_ips", settings.excludedIps());
        values.put("excluded_paths", settings.excludedPaths());
        audit.record(
                TenantContext.require(),
                by.act(action).on("site", id, "measurement.sites").values(values));
    }

    private void recordKey(Actor by, String action, UUID id, @Nullable Map<String, ?> values) {
        audit.record(
                TenantContext.require(),
                by.act(action).on("site_key", id, "measurement.site_keys").values(values));
    }

    private static <T> T or(@Nullable T given, T before) {
        return given == null ? before : given;
    }
}
