package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sending starts at once: the campaign's run is on the timetable, committed, when the scheduler is told of it. */
@ReachTest
class SendStartTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Scheduler scheduler;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aSentCampaignsRunIsCommittedBeforeTheSchedulerLooksForIt() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        UUID email = flows.emailCampaignTo(token, "reader@start.example", "Ada");
        // the scheduler's immediate check runs when it is told of a run due now; a run it cannot see yet (its row
        // not committed) waits for the next poll
        List<Boolean> visibleWhenTold = new CopyOnWriteArrayList<>();
        scheduler.registerSchedulerListener(new AbstractSchedulerListener() {
            @Override
            public void onExecutionScheduled(TaskInstanceId instance, Instant executionTime) {
                if (instance.getId().endsWith(email.toString())) {
                    visibleWhenTold.add(owner.with(jdbc -> jdbc.queryForObject(
                                    "select count(*) from platform.scheduled_tasks where task_name = ? and task_instance = ?",
                                    Long.class,
                                    instance.getTaskName(),
                                    instance.getId()))
                            == 1);
                }
            }
        });

        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", token, "")
                        .status())
                .isEqualTo(202);
        flows.awaitProcessed(token, email);

        assertThat(visibleWhenTold)
                .as("told once, with the run's row committed")
                .containsExactly(true);
    }
}
