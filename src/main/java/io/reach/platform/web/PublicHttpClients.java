package io.reach.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for fetching what a tenant names by address (media to publish, a podcast's feed and
 * audio): a host is resolved once and the connection made to exactly the addresses that were checked
 * (so DNS rebinding cannot slip a private address in between), no proxy, no redirects of their own
 * (the caller follows and checks each), no retries, no cookies, bytes as the host sends them.
 */
public final class PublicHttpClients {

    private PublicHttpClients() {}

    /** How a host name becomes addresses. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A host with an address that may not be fetched from. */
    public static final class NotPublic extends UnknownHostException {

        NotPublic(String host) {
            super(host);
        }
    }

    /** A client whose connections only reach addresses {@code allowed} accepts. */
    public static CloseableHttpClient create(Lookup lookup, Predicate<InetAddress> allowed, Duration readTimeout) {
        Timeout read = Timeout.ofMilliseconds(readTimeout.toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(lookup, allowed))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(read).build())
                .build();
    }

    /** Resolves a host once and hands the connection exactly the addresses it checked. */
    private record CheckedResolver(Lookup lookup, Predicate<InetAddress> allowed) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = lookup.addresses(host);
            for (InetAddress address : addresses) {
                if (!allowed.test(address)) {
                    throw new NotPublic(host);
                }
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        /** Never asked of the network: a reverse lookup is another answer nobody checked. */
        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
