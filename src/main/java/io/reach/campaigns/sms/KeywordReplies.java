package io.reach.campaigns.sms;

import io.reach.campaigns.Sql;
import io.reach.platform.CheckSet;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The STOP and START replies already applied, by Twilio MessageSid. Recording one first takes a
 * transaction lock on the tenant's number, so replies of one number are applied one after the
 * other in the order they arrive, each exactly once.
 */
@Repository
class KeywordReplies {

    private static final String LOCK_NUMBER = """
            select pg_advisory_xact_lock(hashtextextended('campaigns.sms_keyword_replies:' || :tenant || ':' || :phone, 0))""";
    private static final String RECORD = """
            insert into campaigns.sms_keyword_replies (tenant_id, message_sid, phone, keyword, received_at)
            values (:tenant, :sid, :phone, :keyword, :now) on conflict do nothing""";

    @CheckSet(table = "campaigns.sms_keyword_replies", column = "keyword")
    enum Keyword {
        STOP,
        START;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    KeywordReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reply; false when this MessageSid was seen before (a replay), which must then change nothing. */
    boolean firstTime(String messageSid, String phone, Keyword keyword, Instant now) {
        jdbc.sql(LOCK_NUMBER)
                .param("tenant", Sql.tenant().toString())
                .param("phone", phone)
                .query((rs, row) -> 1)
                .list();
        return jdbc.sql(RECORD)
                        .param("tenant", Sql.tenant())
                        .param("sid", messageSid)
                        .param("phone", phone)
                        .param("keyword", keyword.code())
                        .param("now", UtcTimes.utcOrNull(now))
                        .update()
                == 1;
    }
}
