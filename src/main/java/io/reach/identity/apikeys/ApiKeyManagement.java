package io.reach.identity.apikeys;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.Actor;
import io.reach.identity.UserPrincipal;
import io.reach.identity.access.Delegation;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A workspace's API keys: a signed-in user creates one with real scopes they hold themselves (its
 * secret is shown once), lists them without secrets and revokes them; creation and revocation are
 * audited.
 */
@Service
class ApiKeyManagement {

    private final ApiKeys keys;
    private final Delegation delegation;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    ApiKeyManagement(
            ApiKeys keys,
            Delegation delegation,
            AuditTrail audit,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.keys = keys;
        this.delegation = delegation;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new key and its secret, which nothing stores in the clear. */
    record IssuedKey(UUID id, String secret, Instant createdAt) {}

    IssuedKey create(
            UserPrincipal creator,
            String name,
            List<String> scopes,
            @Nullable Instant expiresAt,
            RequestOrigin origin) {
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new BadRequestException("Invalid expiry", "expires_at must be in the future");
        }
        UUID id = ids.next();
        String secret = transactions.inTransaction(() -> {
            delegation.requireReal(scopes);
            delegation.requireWithin(creator, delegation.expand(scopes));
            String created = keys.create(
                    id, creator.userId(), name, scopes.stream().distinct().toList(), expiresAt, now);
            audit.record(
                    TenantContext.require(),
                    AuditEntry.byUser(creator.userId(), "api_key.created")
                            .on("api_key", id, "identity.api_keys")
                            .values(Map.of("name", name, "scopes", scopes))
                            .from(origin));
            return created;
        });
        return new IssuedKey(id, secret, now);
    }

    CursorPage<ApiKeys.ApiKeyView> list(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(keys.page(page.afterOrStart(), page.fetchSize()), page, ApiKeys.ApiKeyView::id));
    }

    ApiKeys.ApiKeyView get(UUID id) {
        return transactions.inTransaction(() -> keys.find(id).orElseThrow(() -> ApiKeyNotFound.forId(id)));
    }

    /** Revokes the key at once; revoking a revoked key again changes nothing and is not audited again. */
    void revoke(@Nullable Object actor, UUID id, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            keys.find(id).orElseThrow(() -> ApiKeyNotFound.forId(id));
            if (keys.revoke(id, clock.instant())) {
                audit.record(
                        TenantContext.require(),
                        Actor.of(actor)
                                .act("api_key.revoked")
                                .on("api_key", id, "identity.api_keys")
                                .from(origin));
            }
        });
    }
}
