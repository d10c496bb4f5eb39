package io.reach.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Makes UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit sequence that keeps
 * ids made in the same millisecond in order, then random bits. Time-ordered ids keep B-tree
 * inserts at the right edge and make keyset pagination follow creation order.
 */
@Component
public class Ids {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Random bits fetched a block at a time: asking the platform's generator for every id cost more than the rest. */
    private final java.nio.ByteBuffer randomBits =
            java.nio.ByteBuffer.allocate(4096).position(4096);

    private long lastMillis = -1;
    private int sequence;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public synchronized UUID next() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            sequence++;
            if (sequence > 0xFFF) {
                millis++;
                sequence = 0;
            }
        } else {
            sequence = (int) (randomLong() & 0x7FF);
        }
        lastMillis = millis;
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (randomLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private long randomLong() {
        if (!randomBits.hasRemaining()) {
            random.nextBytes(randomBits.array());
            randomBits.clear();
        }
        return randomBits.getLong();
    }

    /** The creation time an id carries, in Unix milliseconds. */
    public static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
