package io.reach.identity;

import io.reach.platform.time.UtcTimes;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaCounter;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What {@code max_users} counts: the tenant's members (suspended ones keep their seat) and the
 * invitations still open, since each of those can become a member without asking again.
 */
@Component
class MemberSeats implements QuotaCounter {

    private static final String COUNT = """
            select (select count(*) from identity.memberships where tenant_id = platform.current_tenant_id())
                 + (select count(*) from identity.invitations where tenant_id = platform.current_tenant_id()
                    and accepted_at is null and revoked_at is null and expires_at > :now)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberSeats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Quota quota() {
        return Quota.USERS;
    }

    @Override
    public long count() {
        return jdbc.sql(COUNT)
                .param("now", UtcTimes.utc(clock.instant()))
                .query(Long.class)
                .single();
    }
}
