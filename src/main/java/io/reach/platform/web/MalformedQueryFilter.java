package io.reach.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 (such as {@code %ED%A0%80},
 * a surrogate, or a {@code %} not followed by two hex digits) before anything reads it. The
 * servlet container would otherwise drop the parameter with a warning, or fail the request with
 * a 500 from whichever code asks for it first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MalformedQueryFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MalformedQueryFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String malformed = malformedParameter(request.getQueryString());
        if (malformed != null) {
            problems.write(
                    response,
                    Problems.invalid(
                            "The query string is not well-formed percent-encoded UTF-8",
                            List.of(new FieldError(malformed, "is not well-formed percent-encoded UTF-8"))));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name (as far as it can be read) of the first parameter that does not decode, or null if all do. */
    static @Nullable String malformedParameter(@Nullable String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!decodes(name) || equals >= 0 && !decodes(pair.substring(equals + 1))) {
                return decodes(name) ? decode(name) : "";
            }
        }
        return null;
    }

    private static boolean decodes(String encoded) {
        try {
            decode(encoded);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                bytes.put((byte) Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
