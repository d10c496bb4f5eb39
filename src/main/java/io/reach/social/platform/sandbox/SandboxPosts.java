package io.reach.social.platform.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's own record of what each account published, newest first: the last
 * {@value #KEPT} posts per account, in memory (a demo platform; after a restart only the
 * engagement of older posts is still read, from their ids).
 */
final class SandboxPosts {

    static final int KEPT = 100;

    record Post(String id, @Nullable String text, String mediaType, Instant postedAt) {}

    private final Map<String, Deque<Post>> byAccount = new ConcurrentHashMap<>();

    void add(String account, Post post) {
        Deque<Post> posts = byAccount.computeIfAbsent(account, a -> new ArrayDeque<>());
        synchronized (posts) {
            posts.addFirst(post);
            while (posts.size() > KEPT) {
                posts.removeLast();
            }
        }
    }

    List<Post> recent(String account, int limit) {
        Deque<Post> posts = byAccount.get(account);
        if (posts == null) {
            return List.of();
        }
        synchronized (posts) {
            return posts.stream().limit(limit).toList();
        }
    }

    int count(String account) {
        return recent(account, KEPT).size();
    }

    Optional<String> find(String account, String text, Instant since) {
        return recent(account, KEPT).stream()
                .filter(p -> text.equals(p.text()) && !p.postedAt().isBefore(since))
                .map(Post::id)
                .findFirst();
    }

    void remove(String account, String id) {
        Deque<Post> posts = byAccount.get(account);
        if (posts != null) {
            synchronized (posts) {
                posts.removeIf(p -> p.id().equals(id));
            }
        }
    }
}
