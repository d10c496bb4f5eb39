package io.reach.platform.web.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.reach.platform.security.OpenEndpoints;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made for client generators: bearer
 * authentication, snake_case schemas with unique names, Jackson 3 trees as the JSON they carry ({@link FreeFormJson}), and the
 * operation ids, media types, security and problem responses of {@link GeneratorReadyDocument}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI reachOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Reach API")
                        .version("v1")
                        .description("Multi-tenant marketing platform. JSON is snake_case; times are ISO-8601 UTC; "
                                + "lists are cursor-paged ({items, next_cursor}); errors are RFC 9457 problems.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }

    /** Schemas spelled as the API speaks: snake_case, like Reach's own JSON, and named so they never overwrite each other. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new FreeFormJson(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE), new SchemaNames());
    }

    /** Remembers which handlers name their own operation id, so {@link GeneratorReadyDocument} leaves those alone. */
    @Bean
    OperationCustomizer namedOperations() {
        return (operation, handler) -> {
            var annotation = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (annotation != null && !annotation.operationId().isBlank()) {
                operation.addExtension(GeneratorReadyDocument.NAMED, true);
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer generatorReadyDocument(List<OpenEndpoints> openEndpoints) {
        return new GeneratorReadyDocument(
                openEndpoints.stream().flatMap(open -> open.patterns().stream()).toList());
    }
}
