package io.reach.platform.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Jackson 3 trees ({@code JsonNode}) are documented as the JSON they carry, not as the bean
 * swagger-core (which knows Jackson 2 only) would see: a JSON object for a {@code JsonNode} or an
 * {@code ObjectNode} (what Reach's free-form fields hold), an array for an {@code ArrayNode}; and
 * a form's {@code MultiValueMap} as its fields, not as Spring's map internals. Fields with a known shape
 * say so with {@code @Schema(implementation = …)}, which is resolved before the field's own type.
 */
@SuppressWarnings("rawtypes")
final class FreeFormJson extends ModelResolver {

    FreeFormJson(ObjectMapper mapper, TypeNameResolver names) {
        super(mapper, names);
    }

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = type.getType() == null
                ? null
                : _mapper.constructType(type.getType()).getRawClass();
        if (raw != null && JsonNode.class.isAssignableFrom(raw)) {
            Class<?> shape = namedShape(type);
            return shape == null
                    ? schemaOf(raw)
                    : context.resolve(new AnnotatedType().type(shape).resolveAsRef(true));
        }
        if (raw != null && MultiValueMap.class.isAssignableFrom(raw)) {
            return new JsonSchema()
                    .types(Set.of("object"))
                    .additionalProperties(new JsonSchema().types(Set.of("string")))
                    .description("Form fields");
        }
        return super.resolve(type, context, chain);
    }

    /** The shape a field names with {@code @Schema(implementation = …)}, which a tree must not hide. */
    private static @Nullable Class<?> namedShape(AnnotatedType type) {
        for (Annotation annotation : type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations()) {
            if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                    && schema.implementation() != Void.class) {
                return schema.implementation();
            }
        }
        return null;
    }

    private static Schema<?> schemaOf(Class<?> node) {
        if (ArrayNode.class.isAssignableFrom(node)) {
            return new JsonSchema()
                    .types(Set.of("array"))
                    .items(new JsonSchema())
                    .description("A JSON array");
        }
        // Reach's free-form fields (metadata, settings, payloads) are objects; a generator then types them as maps.
        return new JsonSchema()
                .types(Set.of("object"))
                .additionalProperties(true)
                .description("A JSON object");
    }
}
