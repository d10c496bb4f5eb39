package io.reach.publishing.automation;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.social.SocialActivity;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Creating and changing automations, and recording the consent they act under. Automations of
 * X accounts always require consent (X's automation rules); others may ask for it. Only owners
 * and admins record or revoke consent. Every change is audited.
 */
@Service
class AutomationSettings {

    private final Automations automations;
    private final SocialActivity social;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    AutomationSettings(
            Automations automations,
            SocialActivity social,
            TenantTransactions transactions,
            AuditTrail audit,
            Clock clock) {
        this.automations = automations;
        this.social = social;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    record Draft(
            UUID socialAccountId,
            String name,
            boolean enabled,
            JsonNode trigger,
            JsonNode actions,
            boolean consentRequired) {}

    UUID create(UserPrincipal actor, Draft draft) {
        return transactions.inTransaction(() -> {
            String platform = social.platformOf(draft.socialAccountId())
                    .orElseThrow(() -> new InvalidRequestException(
                            new FieldError("social_account_id", "is not a connected account of this workspace")));
            check(draft.trigger(), draft.actions());
            UUID id = automations.create(
                    draft.socialAccountId(),
                    draft.name(),
                    draft.enabled(),
                    draft.trigger(),
                    draft.actions(),
                    draft.consentRequired() || platform.equals("x"),
                    actor.userId(),
                    clock.instant());
            audited(
                    actor,
                    "automation.created",
                    id,
                    Map.of("name", draft.name(), "trigger", draft.trigger().toString()));
            return id;
        });
    }

    record Change(
            @Nullable String name,
            @Nullable Boolean enabled,
            @Nullable JsonNode trigger,
            @Nullable JsonNode actions,
            @Nullable Boolean consentRequired) {}

    Automations.Automation update(UserPrincipal actor, UUID id, Change change) {
        return transactions.inTransaction(() -> {
            Automations.Automation before = find(id);
            boolean x =
                    social.platformOf(before.socialAccountId()).map("x"::equals).orElse(false);
            var after = new Automations.Automation(
                    id,
                    before.socialAccountId(),
                    or(change.name(), before.name()),
                    or(change.enabled(), before.enabled()),
                    or(change.trigger(), before.trigger()),
                    or(change.actions(), before.actions()),
                    x || or(change.consentRequired(), before.consentRequired()),
                    before.createdBy(),
                    before.createdAt(),
                    before.updatedAt(),
                    before.version());
            check(after.trigger(), after.actions());
            if (before.consentRequired() && !after.consentRequired()) {
                actor.requireOwnerOrAdmin("waive an automation's consent");
            }
            if (!automations.update(before, after, clock.instant())) {
                throw new ConflictException("Automation changed", "Someone else changed the automation; read it again");
            }
            boolean rulesChanged = !after.trigger().equals(before.trigger())
                    || !after.actions().equals(before.actions());
            if (rulesChanged && automations.revoke(id, clock.instant()).isPresent()) {
                audited(actor, "automation.consent_revoked", id, Map.of("reason", "trigger or actions changed"));
            }
            audited(
                    actor,
                    "automation.updated",
                    id,
                    Map.of(
                            "enabled",
                            after.enabled(),
                            "trigger",
                            after.trigger().toString()));
            return find(id);
        });
    }

    void delete(UserPrincipal actor, UUID id) {
        transactions.inTransaction(() -> {
            if (!automations.delete(id)) {
                throw AutomationNotFound.forId(id);
            }
            audited(actor, "automation.deleted", id, Map.of());
        });
    }

    Automations.Consent grant(UserPrincipal actor, UUID id) {
        requireOwnerOrAdmin(actor);
        return transactions.inTransaction(() -> {
            Automations.Consent consent = automations.grant(find(id), actor.userId(), clock.instant());
            audited(actor, "automation.consent_granted", id, Map.of("social_account_id", consent.socialAccountId()));
            return consent;
        });
    }

    Automations.Consent revoke(UserPrincipal actor, UUID id) {
        requireOwnerOrAdmin(actor);
        return transactions.inTransaction(() -> {
            find(id);
            Automations.Consent consent =
                    automations.revoke(id, clock.instant()).orElseThrow(() -> ConsentNotFound.forAutomation(id));
            audited(actor, "automation.consent_revoked", id, Map.of("social_account_id", consent.socialAccountId()));
            return consent;
        });
    }

    Automations.Automation get(UUID id) {
        return transactions.inTransaction(() -> find(id));
    }

    /** Automations, of one account and enabled or not (null: any). */
    CursorPage<Automations.Automation> list(@Nullable UUID accountId, @Nullable Boolean enabled, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                automations.list(accountId, enabled, page.afterOrStart(), page.fetchSize()),
                page,
                Automations.Automation::id));
    }

    /** The automation's runs, newest first. */
    CursorPage<Automations.Execution> executions(UUID id, PageRequest page) {
        return transactions.inTransaction(() -> {
            find(id);
            return CursorPage.of(
                    automations.executions(id, page.beforeOrEnd(), page.fetchSize()), page, Automations.Execution::id);
        });
    }

    /** Recorded consents, granted and revoked, of one account (null: any), oldest first. */
    CursorPage<Automations.Consent> consents(@Nullable UUID accountId, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                automations.consents(accountId, page.afterOrStart(), page.fetchSize()), page, Automations.Consent::id));
    }

    Automations.Automation find(UUID id) {
        return automations.find(id).orElseThrow(() -> AutomationNotFound.forId(id));
    }

    private static void check(JsonNode trigger, JsonNode actions) {
        List<FieldError> problems = AutomationRules.problems(trigger, actions);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.toArray(FieldError[]::new));
        }
    }

    private static void requireOwnerOrAdmin(UserPrincipal actor) {
        actor.requireOwnerOrAdmin("record consent for automations");
    }

    private void audited(UserPrincipal actor, String action, UUID id, Map<String, ?> values) {
        audit.record(
                TenantContext.require(),
                AuditEntry.byUser(actor.userId(), action)
                        .on("automation", id, "publishing.automations")
                        .values(values));
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
