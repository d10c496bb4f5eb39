package io.reach.social;

import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The demo's connected accounts: two sandbox accounts, connected through the usual flow (state,
 * binding cookie, code exchange), then synced once so their analytics have numbers.
 */
@Component
class SocialDemoSeed implements DemoSeed {

    static final int ACCOUNTS = 2;

    private final AccountConnections connections;
    private final AccountSync sync;

    SocialDemoSeed(AccountConnections connections, AccountSync sync) {
        this.connections = connections;
        this.sync = sync;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String describe() {
        return ACCOUNTS + " sandbox social accounts";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        for (int i = 0; i < ACCOUNTS; i++) {
            var started =
                    connections.start(workspace.tenant(), workspace.owner().userId(), "sandbox");
            Map<String, String> query = query(started.authorizationUrl());
            var connected = connections.complete(
                    Objects.requireNonNull(query.get("code")),
                    Objects.requireNonNull(query.get("state")),
                    Map.of(started.bindingCookie(), started.bindingSecret()));
            sync.sync(workspace.tenant(), connected.account().id());
        }
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
