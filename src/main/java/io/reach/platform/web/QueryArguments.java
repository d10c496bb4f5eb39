package io.reach.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Handler parameters that stand for several query parameters: a {@link PageRequest} reads
 * {@code limit} and {@code cursor}, a {@link TimeWindow} reads {@code from} and {@code to} (open
 * ends unbounded, or the last days a {@link RecentWindow} names), a {@link TabularAnswer} reads
 * {@code format} and the {@code Accept} header. {@link KnownQueryParameters}
 * accepts these names and {@link QueryArgumentsDocumentation} documents them.
 */
final class QueryArguments implements HandlerMethodArgumentResolver {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String FROM = "from";
    static final String TO = "to";
    static final String FORMAT = "format";

    private final Clock clock;

    QueryArguments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return !namesOf(parameter).isEmpty();
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders)
            throws Exception {
        if (parameter.getParameterType() == TabularAnswer.class) {
            return TabularAnswer.asked(
                    value(FORMAT, String.class, parameter, request, binders), request.getHeader(HttpHeaders.ACCEPT));
        }
        if (parameter.getParameterType() == PageRequest.class) {
            return PageRequest.of(
                    value(LIMIT, Integer.class, parameter, request, binders),
                    value(CURSOR, String.class, parameter, request, binders));
        }
        Instant from = value(FROM, Instant.class, parameter, request, binders);
        Instant to = value(TO, Instant.class, parameter, request, binders);
        RecentWindow recent = parameter.getParameterAnnotation(RecentWindow.class);
        return recent == null
                ? TimeWindow.unbounded(from, to)
                : TimeWindow.recent(from, to, Duration.ofDays(recent.days()), clock.instant());
    }

    /** The query parameters the handler parameter reads; none for any other parameter. */
    static List<String> namesOf(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (type == PageRequest.class) {
            return List.of(LIMIT, CURSOR);
        }
        if (type == TimeWindow.class) {
            return List.of(FROM, TO);
        }
        if (type == TabularAnswer.class) {
            return List.of(FORMAT);
        }
        return List.of();
    }

    /**
     * The query parameter converted as a {@code @RequestParam} would be (several values: as an array; an
     * empty value: null), and refused with the same 400 problem when it does not convert.
     */
    private static <T> @Nullable T value(
            String name,
            Class<T> type,
            MethodParameter parameter,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders)
            throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object raw = values.length == 1 ? values[0] : values;
        WebDataBinder binder = Objects.requireNonNull(
                        binders, "Spring MVC resolves handler arguments with a binder factory")
                .createBinder(request, null, name);
        try {
            return binder.convertIfNecessary(raw, type);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(raw, type, name, parameter, e.getCause());
        }
    }
}
