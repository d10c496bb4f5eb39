package io.reach.social.platform.sandbox;

import io.reach.social.platform.SocialProvider.Audience;
import io.reach.social.platform.SocialProvider.Content;
import io.reach.social.platform.SocialProvider.Metrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's numbers: plausible and deterministic. Each comes from a hash of what it describes
 * (the account, the post id) and, for growth, from time: a post gathers most of its impressions in
 * its first two days, an account gains a few followers a day. Reading twice at the same instant
 * gives the same answer.
 */
final class SandboxNumbers {

    /** Post ids are {@code sbx_<publication second in base 36>_<random>}: the time its counts grow from. */
    private static final String POST_PREFIX = "sbx_";

    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

    private SandboxNumbers() {}

    /** A sandbox user id for anything (a code, a token): 16 hexadecimal digits. */
    static String userId(String seed) {
        return HexFormat.of().formatHex(sha256(seed), 0, 8);
    }

    static String postId(Instant at) {
        return POST_PREFIX + Long.toString(at.getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    static Optional<Instant> postedAt(String postId) {
        String[] parts = postId.split("_");
        if (parts.length != 3 || !postId.startsWith(POST_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[1], 36)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A post's counts at {@code now}: 5 % of its eventual impressions at once, the rest over about two days. */
    static Content content(
            String postId, @Nullable String text, @Nullable String mediaType, Instant postedAt, Instant now) {
        long seed = seed(postId);
        double hours = Math.max(0, Duration.between(postedAt, now).toSeconds()) / 3600.0;
        double grown = 0.05 + 0.95 * (1 - Math.exp(-hours / 24));
        long impressions = Math.round((400 + Math.floorMod(seed, 4600)) * grown);
        long reach = impressions * (60 + Math.floorMod(seed >> 8, 30)) / 100;
        long likes = reach * (2 + Math.floorMod(seed >> 16, 7)) / 100;
        long comments = likes / (6 + Math.floorMod(seed >> 24, 6));
        long shares = likes / (8 + Math.floorMod(seed >> 32, 8));
        long saves = likes / (5 + Math.floorMod(seed >> 40, 10));
        return new Content(
                postId,
                "https://sandbox.reach.invalid/posts/" + postId,
                text,
                mediaType,
                postedAt,
                likes,
                comments,
                shares,
                saves,
                reach,
                impressions);
    }

    /** An account's counts: a base from its id, a few followers more each day, its posts. */
    static Metrics metrics(String account, int postsKept, Instant now) {
        long seed = seed(account);
        long days = Math.max(0, now.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() - EPOCH.toEpochDay());
        long followers = 800 + Math.floorMod(seed, 9200) + days * (1 + Math.floorMod(seed >> 8, 6));
        long following = 50 + Math.floorMod(seed >> 16, 400);
        long posts = 20 + Math.floorMod(seed >> 24, 80) + postsKept;
        long reach = followers * (20 + Math.floorMod(seed >> 32, 40)) / 100;
        long impressions = reach * 3 / 2;
        long engagement = reach * (2 + Math.floorMod(seed >> 40, 5)) / 100;
        long profileViews = reach / 10;
        return new Metrics(
                followers, following, posts, reach, impressions, engagement, profileViews, Map.of("sandbox", true));
    }

    /** The account's audience on {@code now}'s day: fixed shapes, scaled and tilted by its id. */
    static Audience audience(String account, Instant now) {
        long seed = seed(account);
        long size = 800 + Math.floorMod(seed, 9200);
        Map<String, Long> ages = shares(
                size, seed, "13-17", 3, "18-24", 22, "25-34", 34, "35-44", 20, "45-54", 12, "55-64", 6, "65+", 3);
        Map<String, Long> genders = shares(size, seed >> 8, "female", 48, "male", 46, "unknown", 6);
        Map<String, Long> countries = shares(size, seed >> 16, "US", 38, "GB", 14, "DE", 12, "FR", 10, "BR", 8);
        Map<String, Long> cities =
                shares(size / 2, seed >> 24, "New York", 30, "London", 25, "Berlin", 20, "Paris", 15, "São Paulo", 10);
        Map<Integer, Double> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            double activity = 0.15 + 0.8 * Math.exp(-Math.pow(hour - (12 + Math.floorMod(seed >> 32, 8)), 2) / 18.0);
            hours.put(hour, Math.round(activity * 100) / 100.0);
        }
        Map<String, Double> days = new LinkedHashMap<>();
        String[] weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        for (int i = 0; i < weekdays.length; i++) {
            days.put(weekdays[i], Math.round((0.55 + 0.06 * Math.floorMod(seed >> (36 + i), 7)) * 100) / 100.0);
        }
        return new Audience(now.atZone(ZoneOffset.UTC).toLocalDate(), ages, genders, countries, cities, hours, days);
    }

    /** {@code total} split over buckets named with their weights, each weight nudged by up to ±20 % by the seed. */
    private static Map<String, Long> shares(long total, long seed, Object... namesAndWeights) {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < namesAndWeights.length; i += 2) {
            int weight = (Integer) namesAndWeights[i + 1];
            long nudge = 80 + Math.floorMod(seed >> i, 41);
            shares.put((String) namesAndWeights[i], total * weight * nudge / 10_000);
        }
        return shares;
    }

    private static long seed(String text) {
        byte[] hash = sha256(text);
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (hash[i] & 0xff);
        }
        return seed;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
