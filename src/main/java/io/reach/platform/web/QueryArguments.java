package io.reach.platform.web;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Handler parameters that stand for several query parameters: a {@link PageRequest} reads
 * {@code limit} and {@code cursor}, a {@link TimeWindow} reads {@code from} and {@code to}.
 * {@link KnownQueryParameters} accepts these names and {@link QueryArgumentsDocumentation} documents them.
 */
final class QueryArguments {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String FROM = "from";
    static final String TO = "to";

    private QueryArguments() {
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
        return List.of();
    }

    /**
     * The query parameter converted as a {@code @RequestParam} would be (several values: as an array; an
     * empty value: null), and refused with the same 400 problem when it does not convert.
     */
    static <T> @Nullable T value(String name, Class<T> type, MethodParameter parameter, NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object raw = values.length == 1 ? values[0] : values;
        WebDataBinder binder = Objects.requireNonNull(binders, "Spring MVC resolves handler arguments with a binder factory")
                .createBinder(request, null, name);
        try {
            return binder.convertIfNecessary(raw, type);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(raw, type, name, parameter, e.getCause());
        }
    }
}
