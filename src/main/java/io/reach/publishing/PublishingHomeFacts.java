package io.reach.publishing;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Publishing on the console's home: posts waiting for an approver and publishes that failed this week. */
@Component
class PublishingHomeFacts implements HomeFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    PublishingHomeFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String resource() {
        return "posts";
    }

    @Override
    public List<HomeFact> facts() {
        long awaiting = jdbc.sql("select count(*) from publishing.posts where status = 'submitted'")
                .query(Long.class)
                .single();
        long failed = jdbc.sql("""
                        select count(*) from publishing.publish_jobs
                        where status = 'failed' and updated_at >= :since""")
                .param("since", utc(clock.instant().minus(Duration.ofDays(7))))
                .query(Long.class)
                .single();
        List<HomeFact> facts = new ArrayList<>();
        if (awaiting > 0) {
            facts.add(HomeFact.attention("Posts awaiting approval", awaiting, "/app/publishing/approvals"));
        }
        if (failed > 0) {
            facts.add(HomeFact.attention("Publishes failed in the last 7 days", failed, "/app/publishing/calendar"));
        }
        return facts;
    }
}
