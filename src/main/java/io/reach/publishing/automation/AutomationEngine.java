package io.reach.publishing.automation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.identity.IdentityDirectory;
import io.reach.platform.mail.Mailer;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.PlatformError;
import io.reach.social.SocialActivity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hands stored events to the automations watching their account. Each event is claimed once
 * (so an action runs at most once, even with several nodes; a node dying mid-event leaves
 * that event's remaining actions undone rather than risking doing them twice). An automation
 * whose consent is required runs only while a consent is recorded and not revoked; otherwise
 * its run is logged as skipped. Every run is logged with the result of each action.
 */
@Component
public class AutomationEngine {

    private static final Logger log = LoggerFactory.getLogger(AutomationEngine.class);
    private static final int BATCH = 200;

    private final InboundEvents events;
    private final Automations automations;
    private final SocialActivity social;
    private final IdentityDirectory directory;
    private final Mailer mailer;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final JsonMapper json;
    private final Clock clock;

    AutomationEngine(
            InboundEvents events,
            Automations automations,
            SocialActivity social,
            IdentityDirectory directory,
            Mailer mailer,
            AllTenants allTenants,
            TenantTransactions transactions,
            JsonMapper json,
            Clock clock) {
        this.events = events;
        this.automations = automations;
        this.social = social;
        this.directory = directory;
        this.mailer = mailer;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    private record Claimed(TenantId tenant, InboundEvents.Stored event) {}

    /** Processes the events waiting in every tenant; returns how many automation runs were logged. */
    public int runWaiting() {
        List<Claimed> claimed = new ArrayList<>();
        allTenants.sumOverTenantsAndPlatform(tenant -> {
            events.claimUnprocessed(clock.instant(), BATCH).forEach(event -> claimed.add(new Claimed(tenant, event)));
            return 0;
        });
        int runs = 0;
        for (Claimed item : claimed) {
            try {
                runs += process(item.tenant(), item.event());
            } catch (RuntimeException e) {
                log.warn(
                        "Automations: event {} could not be handed over: {}",
                        item.event().id(),
                        e.toString());
            }
        }
        if (!claimed.isEmpty()) {
            log.info("Automations: {} events handed over, {} runs logged", claimed.size(), runs);
        }
        return runs;
    }

    private int process(TenantId tenant, InboundEvents.Stored event) {
        if (event.socialAccountId() == null) {
            return 0;
        }
        JsonNode payload = json.readTree(event.payload());
        EventFacts facts = EventFacts.of(event.type(), payload);
        String self = transactions
                .inTransactionAs(tenant, () -> social.platformUserIdOf(event.socialAccountId()))
                .orElse("");
        if (self.equals(facts.authorId())) {
            return 0;
        }
        List<Automations.Automation> watching =
                transactions.inTransactionAs(tenant, () -> automations.enabledFor(event.socialAccountId()));
        int runs = 0;
        for (Automations.Automation automation : watching) {
            if (AutomationRules.matches(automation.trigger(), facts, payload)) {
                runs += run(tenant, automation, event, facts) ? 1 : 0;
            }
        }
        return runs;
    }

    private boolean run(
            TenantId tenant, Automations.Automation automation, InboundEvents.Stored event, EventFacts facts) {
        if (automation.consentRequired()
                && !transactions.inTransactionAs(
                        tenant,
                        () -> automations
                                .consentOf(automation)
                                .map(Automations.Consent::active)
                                .orElse(false))) {
            return logged(
                    tenant,
                    automation,
                    event,
                    AutomationRunStatus.SKIPPED,
                    "No consent is recorded for this automation to act as the account",
                    JsonNodeFactory.instance.arrayNode());
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        boolean allDone = true;
        for (JsonNode action : automation.actions()) {
            String kind = action.path("type").asString("");
            var result = results.addObject().put("type", kind);
            try {
                String made = perform(tenant, automation, kind, action, facts);
                result.put("status", "done");
                if (made != null) {
                    result.put("platform_id", made);
                }
            } catch (RuntimeException e) {
                allDone = false;
                result.put("status", "failed")
                        .put("error", e instanceof PlatformError ? e.getMessage() : "Unexpected error: " + e);
            }
        }
        AutomationRunStatus ended = allDone ? AutomationRunStatus.SUCCEEDED : AutomationRunStatus.FAILED;
        return logged(
                tenant,
                automation,
                event,
                ended,
                allDone ? "All actions done" : "Some actions failed; see results",
                results);
    }

    private @Nullable String perform(
            TenantId tenant, Automations.Automation automation, String kind, JsonNode action, EventFacts facts) {
        String text = action.path("text").isString() ? action.get("text").asString() : null;
        if (kind.equals("notify")) {
            notifyAdministrators(tenant, automation, facts, text);
            return null;
        }
        boolean toPerson = kind.equals("dm");
        String subject = toPerson ? facts.authorId() : facts.objectId();
        if (subject == null) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
                    "The event names no " + (toPerson ? "person" : "post or comment") + " to " + kind);
        }
        return TenantContext.callAs(
                tenant,
                () -> social.act(
                        automation.socialAccountId(),
                        kind,
                        toPerson ? null : subject,
                        toPerson ? subject : null,
                        text));
    }

    private void notifyAdministrators(
            TenantId tenant, Automations.Automation automation, EventFacts facts, @Nullable String text) {
        String body = (text == null ? "" : text + "\n\n") + "Automation \"" + automation.name() + "\" was set off by a "
                + facts.type() + " event" + (facts.text() == null ? "." : ": " + facts.text());
        transactions.inTransactionAs(tenant, () -> {
            for (String email : directory.administratorEmails(tenant)) {
                mailer.send(email, "Automation: " + automation.name(), body);
            }
        });
    }

    private boolean logged(
            TenantId tenant,
            Automations.Automation automation,
            InboundEvents.Stored event,
            AutomationRunStatus status,
            String detail,
            JsonNode results) {
        return transactions.inTransactionAs(
                tenant,
                () -> automations.logExecution(
                        automation.id(), event.id(), status.code(), detail, results, clock.instant()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> automationRunTask(
                AutomationEngine engine, @Value("${reach.publishing.automation-interval:15s}") Duration interval) {
            return Tasks.recurring("automation-run", FixedDelay.of(interval))
                    .execute((instance, context) -> engine.runWaiting());
        }
    }
}
