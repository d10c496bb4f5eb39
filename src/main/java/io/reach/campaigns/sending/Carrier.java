package io.reach.campaigns.sending;

import io.reach.platform.tenant.TenantId;
import java.util.UUID;

/** Carries a channel's messages: prepares a campaign once per run, then hands each worker its own line. */
public interface Carrier {

    Channel channel();

    /** Everything the run's messages share (content, sender), read in the tenant's transaction. */
    Prepared prepare(TenantId tenant, UUID campaign);

    /** What a run sends with: one connection per worker. */
    interface Prepared {

        Line open() throws Exception;

        /** The rate (messages per second) this campaign asks for, if it sets one. */
        int ratePerSecond(int fallback);
    }

    /** One worker's connection to the provider; delivers one claimed row at a time. */
    interface Line extends AutoCloseable {

        SendOutcome deliver(QueuedSend send);

        @Override
        void close();
    }
}
