package io.reach.social;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.audit.AuditTrail;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityDirectory;
import io.reach.platform.mail.Mailer;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.PlatformAdapters;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Keeps accounts connected: access tokens that expire within a day are refreshed ahead of time.
 * A refresh the platform refuses marks the account {@code needs_review} and tells the
 * workspace's owner and admins, so posts do not silently stop going out.
 */
@Component
class TokenRefresher {

    static final Duration AHEAD = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    private final PlatformAdapters adapters;
    private final TokenRenewal renewal;
    private final SocialAccounts accounts;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final IdentityDirectory directory;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Clock clock;

    TokenRefresher(
            PlatformAdapters adapters,
            SocialAccounts accounts,
            AllTenants allTenants,
            TenantTransactions transactions,
            IdentityDirectory directory,
            Mailer mailer,
            AuditTrail audit,
            Clock clock,
            TokenRenewal renewal) {
        this.renewal = renewal;
        this.adapters = adapters;
        this.accounts = accounts;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.directory = directory;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refreshes every due account of every tenant; returns how many were refreshed. */
    int refreshDue() {
        record Due(TenantId tenant, SocialAccounts.DueRefresh account) {}
        java.util.List<Due> due = new java.util.ArrayList<>();
        allTenants.sumOverTenantsAndPlatform(tenant -> {
            accounts.dueForRefresh(clock.instant().plus(AHEAD)).forEach(account -> due.add(new Due(tenant, account)));
            return 0;
        });
        int refreshed = 0;
        for (Due account : due) {
            refreshed += refresh(account.tenant(), account.account()) ? 1 : 0;
        }
        log.info("Refreshed {} of {} social account tokens due", refreshed, due.size());
        return refreshed;
    }

    private boolean refresh(TenantId tenant, SocialAccounts.DueRefresh due) {
        SocialProvider provider = adapters.configured(due.platform()).orElse(null);
        if (provider == null) {
            return false;
        }
        try {
            Instant soon = clock.instant().plus(AHEAD);
            renewal.renew(
                    tenant,
                    due.id(),
                    provider,
                    current ->
                            current.expiresAt() != null && current.expiresAt().isBefore(soon));
            return true;
        } catch (RuntimeException e) {
            needsReview(tenant, due.id(), due.platform(), e.getMessage());
            return false;
        }
    }

    /** Puts the account on hold until it is reconnected, tells the owners and admins, and records a security event. */
    void needsReview(TenantId tenant, java.util.UUID accountId, String platform, @Nullable String reason) {
        transactions.inTransactionAs(tenant, () -> {
            accounts.markNeedsReview(accountId, clock.instant());
            for (String email : directory.administratorEmails(tenant)) {
                mailer.send(
                        email, "A " + platform + " account needs to be reconnected", """
                        Reach could not renew its access to a connected %s account, so posts to it are on hold.

                        What the platform answered: %s

                        Reconnect the account in Reach (Social accounts → Connect) to resume.
                        """.formatted(platform, reason));
            }
        });
        audit.record(
                tenant,
                new SecurityEvent(
                        null,
                        "social_account.needs_review",
                        Severity.MEDIUM,
                        Map.of("account_id", accountId.toString(), "platform", platform),
                        null));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> socialTokenRefreshTask(TokenRefresher refresher) {
            return Tasks.recurring("social-token-refresh", FixedDelay.of(Duration.ofMinutes(15)))
                    .execute((instance, context) -> refresher.refreshDue());
        }
    }
}
