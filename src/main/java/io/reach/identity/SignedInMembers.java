package io.reach.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link SignedInMember} parameters from the request's authentication: the
 * {@link UserPrincipal} of a signed-in member; for anyone else (an API key) a 403 problem, or null
 * where the parameter is not required. Resolves {@link Actor} parameters (member or API key). Hidden from the OpenAPI document like
 * {@code @AuthenticationPrincipal}, since it is no request parameter.
 */
@Configuration(proxyBeanMethods = false)
class SignedInMembers implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(SignedInMember.class);
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class
                || (parameter.hasParameterAnnotation(SignedInMember.class)
                        && parameter.getParameterType() == UserPrincipal.class);
    }

    @Override
    public @Nullable Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (parameter.getParameterType() == Actor.class) {
            return Actor.of(authentication == null ? null : authentication.getPrincipal());
        }
        if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal member) {
            return member;
        }
        SignedInMember annotation = parameter.getParameterAnnotation(SignedInMember.class);
        if (annotation != null && !annotation.required()) {
            return null;
        }
        throw new AccessDeniedException("This endpoint needs a signed-in member, not an API key");
    }
}
