package io.reach.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not read: a typo'd filter ({@code ?stauts=draft})
 * must not quietly return unfiltered data. An endpoint's parameters are its {@code @RequestParam}s
 * and those its {@link PageRequest} or {@link TimeWindow} argument reads ({@link QueryArguments});
 * an endpoint that takes all parameters as a map (the analytics filters) checks them itself.
 * Only the query string counts, not a form body.
 */
final class KnownQueryParameters implements HandlerInterceptor {

    /** Read by filters before any controller (a browser's public site key). */
    private static final Set<String> READ_BY_FILTERS = Set.of("site_key");

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Set<String> accepted = known.computeIfAbsent(method, KnownQueryParameters::namesOf);
        if (accepted.contains("*")) {
            return true;
        }
        List<FieldError> unknown = new ArrayList<>();
        for (String name : names(request.getQueryString())) {
            if (!accepted.contains(name) && !READ_BY_FILTERS.contains(name)) {
                unknown.add(new FieldError(
                        name,
                        "is not a parameter of this endpoint"
                                + (accepted.isEmpty()
                                        ? " (it takes none)"
                                        : "; it takes " + String.join(", ", accepted))));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("The request has unknown query parameters", unknown);
        }
        return true;
    }

    /** The names the method reads, or {@code *} when it takes them all as a map. */
    static Set<String> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            names.addAll(QueryArguments.namesOf(parameter));
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Set.of("*");
            }
            names.add(name(annotation, parameter));
        }
        return Set.copyOf(names);
    }

    private static String name(RequestParam annotation, MethodParameter parameter) {
        if (!annotation.name().isEmpty()) {
            return annotation.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "" : name;
    }

    private static Set<String> names(String query) {
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            names.add(decoded(equals < 0 ? pair : pair.substring(0, equals)));
        }
        return names;
    }

    private static String decoded(@Nullable String name) {
        return name == null ? "" : URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
}
