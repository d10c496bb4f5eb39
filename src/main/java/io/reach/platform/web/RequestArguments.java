package io.reach.platform.web;

import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paging and time windows as handler arguments: a handler declares {@code PageRequest page} or
 * {@code TimeWindow window} instead of repeating the query parameters and their checks.
 */
@Configuration(proxyBeanMethods = false)
class RequestArguments implements WebMvcConfigurer {

    private final Clock clock;

    RequestArguments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryArguments(clock));
    }

    /** The same arguments in the API document, as the query parameters they read (springdoc skips the types). */
    @Bean
    OperationCustomizer queryArgumentsDocumentation() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class, TimeWindow.class, TabularAnswer.class);
        return new QueryArgumentsDocumentation();
    }
}
