package io.reach.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A handler's {@link PageRequest} parameter, read from the {@code limit} and {@code cursor} query parameters. */
final class PageRequestArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
        Integer limit = QueryArguments.value(QueryArguments.LIMIT, Integer.class, parameter, request, binders);
        String cursor = QueryArguments.value(QueryArguments.CURSOR, String.class, parameter, request, binders);
        return PageRequest.of(limit, cursor);
    }
}
