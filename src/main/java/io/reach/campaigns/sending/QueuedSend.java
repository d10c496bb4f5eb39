package io.reach.campaigns.sending;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row claimed from a channel's send queue: the message to make and whom for. */
public record QueuedSend(
        Channel channel, UUID id, String address, @Nullable String name, Map<String, String> variables) {}
