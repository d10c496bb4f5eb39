package io.reach.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A handler's {@link TimeWindow} parameter, read from the {@code from} and {@code to} query parameters:
 * open ends are unbounded, or the last days a {@link RecentWindow} names.
 */
final class TimeWindowArgument implements HandlerMethodArgumentResolver {

    private final Clock clock;

    TimeWindowArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TimeWindow.class;
    }

    @Override
    public TimeWindow resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
        Instant from = QueryArguments.value(QueryArguments.FROM, Instant.class, parameter, request, binders);
        Instant to = QueryArguments.value(QueryArguments.TO, Instant.class, parameter, request, binders);
        RecentWindow recent = parameter.getParameterAnnotation(RecentWindow.class);
        return recent == null ? TimeWindow.unbounded(from, to)
                : TimeWindow.recent(from, to, Duration.ofDays(recent.days()), clock.instant());
    }
}
