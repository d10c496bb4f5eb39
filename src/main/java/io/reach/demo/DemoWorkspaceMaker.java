package io.reach.demo;

import io.reach.identity.UserPrincipal;
import io.reach.identity.VerifiedOwners;
import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import io.reach.platform.tenant.TenantId;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Makes the demo workspace once the application is up (REACH_DEMO=true): its owner, signed up with
 * the address confirmed, then every module's {@link DemoSeed} in order, acting as that owner, in
 * the background with its progress in the log. Runs once: when the demo address has an account,
 * the workspace is there already.
 */
@Component
@ConditionalOnBooleanProperty("reach.demo")
class DemoWorkspaceMaker {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspaceMaker.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final int DAYS = 30;

    private final VerifiedOwners owners;
    private final TenantManagement tenants;
    private final List<DemoSeed> seeds;
    private final Clock clock;
    private final String email;
    private final String password;

    DemoWorkspaceMaker(
            VerifiedOwners owners,
            TenantManagement tenants,
            List<DemoSeed> seeds,
            Clock clock,
            @Value("${reach.demo-email:demo@example.com}") String email,
            @Value("${reach.demo-password:try-reach-demo}") String password) {
        this.owners = owners;
        this.tenants = tenants;
        this.seeds =
                seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).toList();
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        Thread.ofVirtual().name("reach-demo").start(this::make);
    }

    /** Makes the workspace and its data; false when it existed already. */
    boolean make() {
        var made = owners.create(email, password, "Demo Shop");
        if (made.isEmpty()) {
            log.info("Demo workspace: made before; sign in at / as {}", email);
            return false;
        }
        var owner = made.get();
        String teammateEmail = "sam." + email;
        var teammate = owners.create(teammateEmail, password, "Sam's workspace")
                .map(sam -> new DemoWorkspace.Person(
                        sam.userId(), owners.join(sam.userId(), owner.tenantId(), "editor"), teammateEmail, "editor"))
                .orElseThrow(() -> new IllegalStateException(teammateEmail + " has an account already"));
        var workspace = new DemoWorkspace(
                TenantId.of(owner.tenantId()),
                new DemoWorkspace.Person(owner.userId(), owner.membershipId(), email, "owner"),
                teammate,
                ZONE,
                clock.instant(),
                DAYS);
        var principal = new UserPrincipal(
                owner.userId(),
                TenantId.of(owner.tenantId()),
                owner.membershipId(),
                "owner",
                email,
                Set.of("*"),
                "user");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            tenants.mergeSettings(owner.tenantId(), Map.of("time_zone", ZONE.getId()));
            for (int i = 0; i < seeds.size(); i++) {
                DemoSeed seed = seeds.get(i);
                log.info("Demo workspace: {} ({} of {})", seed.describe(), i + 1, seeds.size());
                seed.seed(workspace);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info(
                "Demo workspace ready: sign in at / as {} (owner) or {} (editor), password {}",
                email,
                teammateEmail,
                password);
        return true;
    }
}
