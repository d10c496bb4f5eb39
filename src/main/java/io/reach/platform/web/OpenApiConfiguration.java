package io.reach.platform.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document: bearer authentication, and the problem responses every operation may give. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid request: malformed JSON, wrong types or invalid fields (listed in errors)",
            "401", "Missing or invalid bearer token",
            "403", "The credentials do not allow this request",
            "404", "No such resource (or it belongs to another tenant)",
            "409", "Conflicts with the current state, or an Idempotency-Key reused with another request",
            "413", "Request body too large",
            "500", "Unexpected error; quote the request_id");

    @Bean
    OpenAPI reachOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Reach API").version("v1")
                        .description("Multi-tenant marketing platform. JSON is snake_case; times are ISO-8601 UTC; "
                                + "lists are cursor-paged ({items, next_cursor}); errors are RFC 9457 problems.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

    /** Schemas spelled as the API speaks: snake_case, like Reach's own JSON. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            addProblemResponses(api);
        };
    }

    private static void addProblemResponses(OpenAPI api) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                PROBLEMS.forEach((status, description) -> operation.getResponses().computeIfAbsent(status,
                        key -> new ApiResponse().description(description).content(new Content().addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("request_id", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                        .addProperty("field", new Schema<>().type("string"))
                        .addProperty("message", new Schema<>().type("string"))));
    }
}
