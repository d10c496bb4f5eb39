package io.reach.campaigns.sending;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.Codes;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Sending runs as db-scheduler work: one task instance per sending campaign
 * ({@code <tenant>:<channel>:<campaign>}), so one node runs it at a time; a run that fails (a
 * node died, SMTP was down) is tried again a minute later, and every minute campaigns marked
 * sending without a run are put back on the timetable.
 */
@Component
class DispatchTask {

    static final TaskDescriptor<String> DESCRIPTOR = TaskDescriptor.of("campaign-dispatch", String.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    DispatchTask(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Starts (or lets continue) the campaign's run now; does nothing when one is already on the timetable. */
    void start(TenantId tenant, Channel channel, UUID campaign) {
        String key = tenant + ":" + channel.code() + ":" + campaign;
        if (!scheduler
                .getObject()
                .scheduleIfNotExists(DESCRIPTOR.instance(key).data(key).scheduledTo(clock.instant()))) {
            // a run is on the timetable or finishing; a follow-up makes sure one runs after it
            scheduler
                    .getObject()
                    .scheduleIfNotExists(DESCRIPTOR
                            .instance(key + ":again")
                            .data(key)
                            .scheduledTo(clock.instant().plusSeconds(2)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Tasks_ {

        @Bean
        OneTimeTask<String> campaignDispatchTask(Dispatcher dispatcher) {
            return Tasks.oneTime(DESCRIPTOR)
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                    .execute((instance, context) -> {
                        String[] parts = instance.getData().split(":");
                        dispatcher.run(
                                TenantId.of(UUID.fromString(parts[0])),
                                Codes.of(Channel.class, parts[1], "channel"),
                                UUID.fromString(parts[2]));
                    });
        }

        @Bean
        RecurringTask<Void> campaignDispatchSweepTask(
                AllTenants allTenants, ChannelCampaigns channelCampaigns, DispatchTask dispatch) {
            return Tasks.recurring("campaign-dispatch-sweep", FixedDelay.of(Duration.ofMinutes(1)))
                    .execute((instance, context) -> allTenants.sumOverTenantsAndPlatform(tenant -> {
                        if (tenant.isPlatform()) {
                            return 0;
                        }
                        int found = 0;
                        for (Channel channel : Channel.values()) {
                            for (UUID id : channelCampaigns.sending(channel)) {
                                dispatch.start(tenant, channel, id);
                                found++;
                            }
                        }
                        return found;
                    }));
        }
    }
}
