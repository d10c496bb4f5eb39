package io.reach.podcasts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PublicAddresses;
import io.reach.platform.web.PublicHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches what a podcast names by address — its feed, its audio's size and first bytes — from public
 * hosts only ({@link PublicAddresses}; each redirect is checked again, five at most), with a time
 * limit and a size limit, and a feed conditionally (ETag, Last-Modified) so an unchanged one costs a
 * 304. A fetch that cannot be made is a 400 naming the field.
 */
@Component
public class FeedFetcher implements DisposableBean {

    static final long MAX_FEED_BYTES = 32L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final CloseableHttpClient http;

    FeedFetcher(
            @Value("${reach.podcasts.fetch.allow-private-addresses:false}") boolean allowPrivateAddresses,
            @Value("${reach.podcasts.fetch.read-timeout:20s}") Duration readTimeout) {
        this.http = PublicHttpClients.create(
                InetAddress::getAllByName,
                allowPrivateAddresses ? address -> true : PublicAddresses::isPublic,
                readTimeout);
    }

    /** A feed as fetched: its document (none when unchanged), and what to ask with next time. */
    record Feed(
            byte @Nullable [] body,
            @Nullable String etag,
            @Nullable String lastModified) {

        boolean unchanged() {
            return body == null;
        }
    }

    Feed feed(String url, @Nullable String etag, @Nullable String lastModified) {
        URI start = URI.create(url);
        HttpGet get = new HttpGet(start);
        get.setHeader("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            get.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            get.setHeader("If-Modified-Since", lastModified);
        }
        return send(get, start, "rss_feed_url", response -> {
            if (response.getCode() == 304) {
                return new Feed(null, etag, lastModified);
            }
            return new Feed(
                    body(response, MAX_FEED_BYTES, "rss_feed_url"),
                    header(response, "ETag"),
                    header(response, "Last-Modified"));
        });
    }

    /** A document fetched by address: its bytes and the media type the host gave it. */
    public record Document(byte[] body, @Nullable String mediaType) {}

    /** A transcript the feed names ({@code podcast:transcript url}), at most {@code limit} bytes. */
    public Document transcript(String url, long limit) {
        URI start;
        try {
            start = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw refused("transcript_url", "is not an address");
        }
        return send(
                new HttpGet(start),
                start,
                "transcript_url",
                response -> new Document(body(response, limit, "transcript_url"), header(response, "Content-Type")));
    }

    /** The audio file's size from a HEAD request, if the host says. */
    Optional<Long> size(String url) {
        URI start = URI.create(url);
        return send(new HttpHead(start), start, "audio_url", response -> {
            String length = header(response, "Content-Length");
            try {
                return length == null ? Optional.<Long>empty() : Optional.of(Long.parseLong(length.strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.<Long>empty();
            }
        });
    }

    /** The first {@code bytes} bytes of the audio file (a ranged GET; fewer when the file is shorter). */
    byte[] prefix(String url, int bytes) {
        URI start = URI.create(url);
        HttpGet get = new HttpGet(start);
        get.setHeader("Range", "bytes=0-" + (bytes - 1));
        return send(get, start, "audio_url", response -> body(response, bytes, null));
    }

    private interface Reading<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    /** One answer: what was read, or where it redirects to. */
    private record Answer<T>(@Nullable T value, @Nullable URI next) {}

    private <T> T send(HttpUriRequestBase request, URI start, String field, Reading<T> reading) {
        URI at = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI current = at;
            request.setUri(current);
            Answer<T> answer;
            try {
                answer = http.execute(request, response -> {
                    int code = response.getCode();
                    if (code >= 300 && code < 400 && code != 304) {
                        return new Answer<T>(null, redirect(response, current, field));
                    }
                    if (code >= 400) {
                        throw refused(field, "answered " + code);
                    }
                    return new Answer<T>(reading.read(response), null);
                });
            } catch (PublicHttpClients.NotPublic e) {
                throw refused(field, "is on a private address; Reach fetches only from public hosts");
            } catch (IOException e) {
                throw refused(field, "could not be fetched (" + e.getClass().getSimpleName() + ")");
            }
            if (answer.next() == null) {
                return java.util.Objects.requireNonNull(answer.value(), "a read answer has a value");
            }
            at = answer.next();
        }
        throw refused(field, "redirects more than " + MAX_REDIRECTS + " times");
    }

    private static URI redirect(ClassicHttpResponse response, URI at, String field) {
        String location = header(response, "Location");
        if (location == null) {
            throw refused(field, "redirects without a Location");
        }
        URI next = at.resolve(location.strip());
        if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw refused(field, "redirects to a non-web address");
        }
        return next;
    }

    private static byte[] body(ClassicHttpResponse response, long limit, @Nullable String field) throws IOException {
        if (response.getEntity() == null) {
            return new byte[0];
        }
        try (InputStream in = response.getEntity().getContent()) {
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (read.length > limit) {
                if (field != null) {
                    throw refused(field, "is larger than " + limit + " bytes");
                }
                return java.util.Arrays.copyOf(read, (int) limit);
            }
            return read;
        }
    }

    private static @Nullable String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static InvalidRequestException refused(String field, String why) {
        return new InvalidRequestException(new FieldError(field, why));
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
