package io.reach.measurement;

import io.reach.audit.AuditEntry.ActorType;
import io.reach.identity.Actor;
import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo shop's site key, so its snippet is there to copy, and the day partitions its month of
 * traffic (the next seed) goes to: older than the late window, they would not exist otherwise.
 */
@Component
class SiteKeyDemoSeed implements DemoSeed {

    private final SiteManagement management;
    private final TrackerPartitions partitions;

    SiteKeyDemoSeed(SiteManagement management, TrackerPartitions partitions) {
        this.management = management;
        this.partitions = partitions;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String describe() {
        return "a site key for shop.example, and room for a month of its traffic";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        LocalDate today = LocalDate.ofInstant(workspace.now(), ZoneOffset.UTC);
        partitions.ensure(today.minusDays(workspace.days() + 1L), today);
        management.createKey(
                new SiteManagement.NewSiteKey("Demo shop", List.of("https://shop.example"), null),
                new Actor(workspace.owner().userId(), ActorType.USER));
    }
}
