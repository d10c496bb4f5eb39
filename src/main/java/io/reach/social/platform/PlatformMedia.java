package io.reach.social.platform;

import io.reach.platform.web.PublicAddresses;
import io.reach.platform.web.PublicHttpClients;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the adapters that upload media share: fetching a medium's bytes from its URL, and waiting
 * a few short polls while a platform processes an upload.
 *
 * <p>A medium is streamed to a temporary file, never held whole in memory: at most
 * {@link #IMAGE_LIMIT} for an image and {@link #VIDEO_LIMIT} for a video; a larger one is refused
 * as soon as its {@code Content-Length} or its bytes say so. The URL comes from a tenant's user,
 * so unless {@code reach.social.media.allow-private-addresses} is set, a host with any address
 * that is not public ({@link PublicAddresses}) is refused, and redirects are followed (at most
 * five) only after the same check. The host is resolved once, at connection time, and the
 * connection goes to the addresses that were checked (no second lookup a rebinding DNS server
 * could answer differently); the name still goes in the Host header and TLS SNI, and the
 * certificate is checked against it. Errors name the status code or the kind of network failure,
 * never what the host answered.
 */
@Component
public class PlatformMedia implements DisposableBean {

    public static final long IMAGE_LIMIT = 20L * 1024 * 1024;
    public static final long VIDEO_LIMIT = 512L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("avi", "video/x-msvideo"));

    private final int processingPolls;
    private final Duration processingWait;
    private final CloseableHttpClient http;

    @Autowired
    public PlatformMedia(
            @Value("${reach.social.media.allow-private-addresses:false}") boolean allowPrivateAddresses,
            @Value("${reach.social.media.processing-polls:3}") int processingPolls,
            @Value("${reach.social.media.processing-wait:5s}") Duration processingWait,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout) {
        this(
                InetAddress::getAllByName,
                allowPrivateAddresses ? address -> true : PublicAddresses::isPublic,
                processingPolls,
                processingWait,
                readTimeout);
    }

    /** With the name lookup and the address rule given (tests). */
    public PlatformMedia(
            Lookup lookup,
            Predicate<InetAddress> allowed,
            int processingPolls,
            Duration processingWait,
            Duration readTimeout) {
        this.processingPolls = processingPolls;
        this.processingWait = processingWait;
        this.http = PublicHttpClients.create(lookup::addresses, allowed, readTimeout);
    }

    /** How a host name becomes addresses. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /**
     * Fetches medium {@code index} of a publication. Throws a terminal {@link PlatformError} when
     * the medium cannot be sent as it is (bad URL, private host, refused, too large, empty) and a
     * retryable one when its host may answer later (5xx, 408, 429, network).
     */
    public Fetched fetch(Publication.Medium medium, int index) {
        String name = "media[" + index + "]";
        long limit = medium.isVideo() ? VIDEO_LIMIT : IMAGE_LIMIT;
        URI uri = parsed(medium.url(), name);
        try {
            for (int redirects = 0; ; redirects++) {
                HttpGet get = new HttpGet(uri);
                ClassicHttpResponse response = http.executeOpen(null, get, null);
                try {
                    int status = response.getCode();
                    Header location = response.getFirstHeader("Location");
                    if (status >= 300 && status < 400 && location != null) {
                        if (redirects == MAX_REDIRECTS) {
                            throw terminal(name + " redirects more than " + MAX_REDIRECTS + " times");
                        }
                        uri = redirected(uri, location.getValue(), name);
                        continue;
                    }
                    if (status != 200) {
                        boolean later = status == 408 || status == 429 || status >= 500;
                        throw new PlatformError(
                                later ? PlatformError.Kind.RETRYABLE : PlatformError.Kind.TERMINAL,
                                null,
                                null,
                                name + " could not be fetched from " + medium.url() + ": its host answered HTTP "
                                        + status);
                    }
                    return saved(response, medium, name, limit);
                } finally {
                    dropped(get, response);
                }
            }
        } catch (PublicHttpClients.NotPublic e) {
            throw terminal(name + " points at a private address (" + e.getMessage()
                    + "); Reach fetches media only from public hosts");
        } catch (IOException e) {
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE,
                    null,
                    null,
                    name + " could not be fetched from " + medium.url() + ": " + failure(e));
        }
    }

    private static Fetched saved(ClassicHttpResponse response, Publication.Medium medium, String name, long limit)
            throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw terminal(name + " at " + medium.url() + " is empty");
        }
        if (entity.getContentLength() > limit) {
            throw tooLarge(name, medium, limit);
        }
        Header type = response.getFirstHeader("Content-Type");
        String contentType = contentType(medium, type == null ? null : type.getValue());
        Path file = Files.createTempFile("reach-media-", ".part");
        // The body stream is not closed on a refusal (closing reads it to its end); the caller drops the connection.
        InputStream in = entity.getContent();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = copy(in, out, limit, name, medium);
            if (size == 0) {
                throw terminal(name + " at " + medium.url() + " is empty");
            }
            in.close();
            return new Fetched(file, size, contentType);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Ends the exchange by dropping the connection: closing it politely would first read whatever
     * is left of a body (a refused 20 GB "image", an error page that trickles in) to the end.
     */
    private static void dropped(HttpGet get, ClassicHttpResponse response) {
        get.cancel();
        try {
            response.close();
        } catch (IOException e) {
            // the connection is gone already
        }
    }

    /** The kind of failure only: an exception's message may quote what an (internal) host answered. */
    private static String failure(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "its host did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "its host name does not resolve";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "its host could not be reached";
        }
        if (e instanceof SSLException) {
            return "a secure connection to its host failed";
        }
        return "the connection to its host failed";
    }

    /**
     * Waits for a platform to finish processing an upload: {@code first} is what the platform
     * already said; while it is pending, {@code status} is asked again after the platform's
     * suggested wait (capped at {@code reach.social.media.processing-wait}), at most
     * {@code reach.social.media.processing-polls} times. Failed processing is terminal; still
     * processing after the last poll is retryable ("media still processing"): the next attempt
     * starts the upload again.
     */
    public void awaitProcessing(String platform, Processing first, Supplier<Processing> status) {
        Processing current = first;
        for (int poll = 0; current.state() == Processing.State.PENDING && poll < processingPolls; poll++) {
            pause(current.checkAfter());
            current = status.get();
        }
        switch (current.state()) {
            case DONE -> {}
            case FAILED ->
                throw new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        null,
                        null,
                        platform + " could not process the media: " + current.failure());
            case PENDING ->
                throw new PlatformError(
                        PlatformError.Kind.RETRYABLE,
                        null,
                        current.checkAfter(),
                        platform + " media still processing after " + processingPolls + " checks; trying again later");
        }
    }

    /** The MIME type to announce: the host's if it names an image or video, else from the format or the URL's extension. */
    public static String contentType(Publication.Medium medium, @Nullable String header) {
        if (header != null) {
            String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (type.startsWith(medium.isVideo() ? "video/" : "image/")) {
                return type;
            }
        }
        String format = medium.format();
        @Nullable String byFormat = format == null ? null : CONTENT_TYPES.get(format.toLowerCase(Locale.ROOT));
        if (byFormat != null) {
            return byFormat;
        }
        String path;
        try {
            path = String.valueOf(
                    URI.create(medium.url().strip().replace(" ", "%20")).getPath());
        } catch (IllegalArgumentException e) {
            path = "";
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, medium.isVideo() ? "video/mp4" : "image/jpeg");
    }

    private void pause(@Nullable Duration suggested) {
        Duration wait = suggested == null || suggested.compareTo(processingWait) > 0 ? processingWait : suggested;
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "Interrupted while media was processing");
        }
    }

    private static URI parsed(String url, String name) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw terminal(name + " has no http(s) URL Reach can fetch: " + url);
    }

    /** Where a redirect leads; its target is the host's answer, so a refusal does not quote it. */
    private static URI redirected(URI base, String location, String name) {
        try {
            URI target = base.resolve(location.strip().replace(" ", "%20"));
            String scheme = String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && target.getHost() != null) {
                return target;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw terminal(name + " redirects to a URL Reach cannot fetch");
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    private static long copy(InputStream in, OutputStream out, long limit, String name, Publication.Medium medium)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            size += read;
            if (size > limit) {
                throw tooLarge(name, medium, limit);
            }
            out.write(buffer, 0, read);
        }
        return size;
    }

    private static PlatformError tooLarge(String name, Publication.Medium medium, long limit) {
        return terminal(name + " is larger than " + limit / (1024 * 1024) + " MB, the most Reach sends for "
                + (medium.isVideo() ? "a video" : "an image"));
    }

    private static PlatformError terminal(String message) {
        return new PlatformError(PlatformError.Kind.TERMINAL, null, null, message);
    }

    /** A fetched medium in a temporary file, deleted on {@link #close()}. */
    public static final class Fetched implements AutoCloseable {

        private final Path file;
        private final long size;
        private final String contentType;

        public Fetched(Path file, long size, String contentType) {
            this.file = file;
            this.size = size;
            this.contentType = contentType;
        }

        public long size() {
            return size;
        }

        public Path file() {
            return file;
        }

        public String contentType() {
            return contentType;
        }

        /** The whole medium; for images, which are at most {@link #IMAGE_LIMIT}. */
        public byte[] bytes() {
            return range(0, (int) size);
        }

        /** {@code length} bytes from {@code offset} (fewer at the end). */
        public byte[] range(long offset, int length) {
            int wanted = (int) Math.max(0, Math.min(length, size - offset));
            ByteBuffer buffer = ByteBuffer.allocate(wanted);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) != -1) {
                    // keep reading until the range is full
                }
            } catch (IOException e) {
                throw new PlatformError(
                        PlatformError.Kind.RETRYABLE, null, null, "Could not read a fetched medium: " + e.getMessage());
            }
            return buffer.array();
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** What a platform says about an upload it processes: done, failed (with its reason) or pending (check again after). */
    public record Processing(
            State state,
            @Nullable Duration checkAfter,
            @Nullable String failure) {

        public enum State {
            DONE,
            PENDING,
            FAILED
        }

        public static Processing done() {
            return new Processing(State.DONE, null, null);
        }

        public static Processing pending(@Nullable Duration checkAfter) {
            return new Processing(State.PENDING, checkAfter, null);
        }

        public static Processing failed(String reason) {
            return new Processing(State.FAILED, null, reason);
        }
    }
}
