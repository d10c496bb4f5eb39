package io.reach.platform.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PermissionConfiguration implements WebMvcConfigurer {

    private final AccessDecisions decisions;

    PermissionConfiguration(AccessDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor(decisions)).addPathPatterns("/api/**", "/app/**");
    }
}
