package io.reach.platform.demo;

import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The demo workspace the seeds fill.
 *
 * @param tenant the workspace
 * @param owner its owner (signed in while seeds run)
 * @param teammate an editor of the workspace, whose posts the owner approves
 * @param zone its time zone
 * @param now when the demo was made: sample history ends here
 * @param days how many days of history to make
 */
public record DemoWorkspace(TenantId tenant, Person owner, Person teammate, ZoneId zone, Instant now, int days) {

    /** Someone in the demo workspace. */
    public record Person(UUID userId, UUID membershipId, String email, String role) {}

    /** A deterministic number in [0, bound) for the {@code n}th sample of {@code salt}: same demo every time. */
    public int pick(String salt, long n, int bound) {
        long mixed = (salt.hashCode() * 0x9E3779B97F4A7C15L) ^ (n * 0xBF58476D1CE4E5B9L);
        mixed ^= mixed >>> 31;
        mixed *= 0x94D049BB133111EBL;
        mixed ^= mixed >>> 29;
        return (int) Math.floorMod(mixed, (long) bound);
    }
}
