package io.reach.console;

import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import io.reach.platform.security.AccessDecisions;
import io.reach.platform.tenant.TenantTransactions;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The facts of the home page: every module's {@link HomeFacts} the person may read (one decision for
 * all, recorded nowhere), each read in the workspace's transaction.
 */
@Service
class HomeOverview {

    private final List<HomeFacts> sources;
    private final AccessDecisions decisions;
    private final TenantTransactions transactions;

    HomeOverview(List<HomeFacts> sources, AccessDecisions decisions, TenantTransactions transactions) {
        this.sources = sources;
        this.decisions = decisions;
        this.transactions = transactions;
    }

    List<HomeFact> facts(Authentication person, AccessDecisions.RequestContext context) {
        var held = decisions.held(
                person, sources.stream().map(HomeOverview::permission).collect(Collectors.toSet()), context);
        return sources.stream()
                .filter(source -> held.contains(permission(source)))
                .flatMap(source -> transactions.inTransaction(source::facts).stream())
                .toList();
    }

    private static String permission(HomeFacts source) {
        return source.resource() + ":" + source.action();
    }
}
