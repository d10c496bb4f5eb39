package io.reach.campaigns;

import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retailers who joined a campaign to send it to their own recipients. */
@Repository
class Participants {

    private static final String JOIN = """
            insert into campaigns.campaign_participants (tenant_id, campaign_id, retailer_id, joined_at)
            values (:tenant, :campaign, :retailer, :now) on conflict do nothing""";
    private static final String LIST = """
            select retailer_id, joined_at from campaigns.campaign_participants
            where tenant_id = :tenant and campaign_id = :campaign
              and (cast(:after as uuid) is null or (joined_at, retailer_id) > (
                   select joined_at, retailer_id from campaigns.campaign_participants
                   where tenant_id = :tenant and campaign_id = :campaign and retailer_id = :after))
            order by joined_at, retailer_id limit :limit""";
    private static final String ONE = """
            select retailer_id, joined_at from campaigns.campaign_participants
            where tenant_id = :tenant and campaign_id = :campaign and retailer_id = :retailer""";
    private static final String LEAVE =
            "delete from campaigns.campaign_participants where tenant_id = :tenant and campaign_id = :campaign"
                    + " and retailer_id = :retailer";
    private static final String JOINED = """
            select exists (select 1 from campaigns.campaign_participants
                           where tenant_id = :tenant and campaign_id = :campaign and retailer_id = :retailer)""";

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Participant(UUID retailerId, Instant joinedAt) {}

    /** Whether this joined the retailer (false: already a participant). */
    boolean join(UUID campaign, UUID retailer, Instant now) {
        return jdbc.sql(JOIN)
                        .param("tenant", Sql.tenant())
                        .param("campaign", campaign)
                        .param("retailer", retailer)
                        .param("now", UtcTimes.utcOrNull(now))
                        .update()
                == 1;
    }

    /** Whether this removed the retailer (false: not a participant). */
    boolean leave(UUID campaign, UUID retailer) {
        return jdbc.sql(LEAVE)
                        .param("tenant", Sql.tenant())
                        .param("campaign", campaign)
                        .param("retailer", retailer)
                        .update()
                == 1;
    }

    boolean joined(UUID campaign, UUID retailer) {
        return jdbc.sql(JOINED)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("retailer", retailer)
                .query(Boolean.class)
                .single();
    }

    /** The participants in the order they joined, after the retailer {@code after} (null: from the first). */
    List<Participant> of(UUID campaign, @Nullable UUID after, int limit) {
        return jdbc.sql(LIST)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("after", after)
                .param("limit", limit)
                .query(Participants::participant)
                .list();
    }

    Participant of(UUID campaign, UUID retailer) {
        return jdbc.sql(ONE)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("retailer", retailer)
                .query(Participants::participant)
                .single();
    }

    private static Participant participant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Participant(rs.getObject("retailer_id", UUID.class), Sql.requiredInstant(rs, "joined_at"));
    }
}
