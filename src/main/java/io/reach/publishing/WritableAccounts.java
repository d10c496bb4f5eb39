package io.reach.publishing;

import io.reach.social.AccountNames;
import io.reach.social.SocialChannel;
import io.reach.social.SocialDirectory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The workspace's connected accounts a post can be written for, each with its platform's limits. */
@Component
class WritableAccounts {

    /** A connected account: how people know it, its state and its platform's limits. */
    record Writable(UUID id, String label, String status, SocialChannel channel) {}

    private final AccountNames names;
    private final SocialDirectory social;

    WritableAccounts(AccountNames names, SocialDirectory social) {
        this.names = names;
        this.social = social;
    }

    List<Writable> connected() {
        return names.all().stream()
                .filter(AccountNames.Named::connected)
                .flatMap(named -> social.account(named.id()).stream()
                        .map(account -> new Writable(named.id(), named.label(), account.status(), account.channel())))
                .toList();
    }

    /** Every account's label by id, disconnected ones too (their posts remain). */
    Map<UUID, String> labels() {
        return names.all().stream().collect(Collectors.toMap(AccountNames.Named::id, AccountNames.Named::label));
    }

    static Function<UUID, String> labeller(Map<UUID, String> labels) {
        return id -> labels.getOrDefault(id, "A removed account");
    }
}
