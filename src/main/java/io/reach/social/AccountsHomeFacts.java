package io.reach.social;

import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Connected accounts on the console's home: those the platform stopped accepting, to reconnect. */
@Component
class AccountsHomeFacts implements HomeFacts {

    private final JdbcClient jdbc;

    AccountsHomeFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "social_accounts";
    }

    @Override
    public List<HomeFact> facts() {
        long reconnect = jdbc.sql("select count(*) from social.social_accounts where status = 'needs_review'")
                .query(Long.class)
                .single();
        return reconnect == 0
                ? List.of()
                : List.of(HomeFact.attention("Accounts needing reconnection", reconnect, "/app/accounts"));
    }
}
