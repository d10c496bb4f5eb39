package io.reach.identity;

import io.reach.identity.access.Cidr;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Works out who is calling, for sign-in brakes and audit records ({@link RequestOrigins}). From a
 * trusted proxy ({@code reach.identity.trusted-proxies}, address blocks; by default those of
 * {@code reach.measurement.trusted-proxies}) the caller is the nearest address in
 * {@code X-Forwarded-For} that is not a trusted proxy itself; from anyone else the header is
 * ignored, so nobody picks their own address by sending it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ClientAddressFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".address";

    private final List<Cidr> trusted = new ArrayList<>();

    ClientAddressFilter(
            @Value("${reach.identity.trusted-proxies:${reach.measurement.trusted-proxies:}}") List<String> proxies) {
        for (String block : proxies) {
            if (!block.isBlank()) {
                trusted.add(Cidr.parse(block.strip())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "reach.identity.trusted-proxies: " + block + " is not an address block")));
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, clientOf(request));
        chain.doFilter(request, response);
    }

    private String clientOf(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trusted(client) || forwarded == null) {
            return client;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
            String hop = hops[i].strip();
            if (!Cidr.isAddress(hop)) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean trusted(String address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }
}
