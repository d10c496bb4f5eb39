package io.reach.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a {@link PageRequest} parameter as the optional {@code limit} (int32) and {@code cursor}
 * query parameters, a {@link TimeWindow} as the optional {@code from} and {@code to} instants, and a
 * {@link TabularAnswer} as the optional {@code format} (its {@code Accept} header stays undocumented),
 * where the handler declares them, as if they were {@code @RequestParam}s (springdoc itself skips both types).
 */
final class QueryArgumentsDocumentation implements OperationCustomizer {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Set<String> before = new HashSet<>();
        @Nullable String @Nullable [] javaNames = NAMES.getParameterNames(handler.getMethod());
        for (MethodParameter parameter : handler.getMethodParameters()) {
            List<String> names = QueryArguments.namesOf(parameter);
            if (names.isEmpty()) {
                int index = parameter.getParameterIndex();
                String javaName = javaNames == null ? null : javaNames[index];
                before.add(nameOf(parameter, javaName == null ? "" : javaName));
                continue;
            }
            List<Parameter> parameters =
                    operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
            int at = 0;
            for (int i = 0; i < parameters.size(); i++) {
                if (before.contains(parameters.get(i).getName())) {
                    at = i + 1;
                }
            }
            for (String name : names) {
                parameters.add(
                        at++,
                        new Parameter()
                                .name(name)
                                .in("query")
                                .required(false)
                                .schema(schemaOf(name))
                                .description(QueryArguments.FORMAT.equals(name) ? TabularAnswer.FORMAT : null));
                before.add(name);
            }
            operation.setParameters(parameters);
        }
        return operation;
    }

    @SuppressWarnings("rawtypes")
    private static Schema schemaOf(String name) {
        Schema schema = new Schema<>(SpecVersion.V31);
        return switch (name) {
            case QueryArguments.LIMIT ->
                schema.type("integer").types(Set.of("integer")).format("int32");
            case QueryArguments.CURSOR, QueryArguments.FORMAT ->
                schema.type("string").types(Set.of("string"));
            default -> schema.type("string").types(Set.of("string")).format("date-time");
        };
    }

    /** The name the parameter has in the document (query, path or header), or its Java name. */
    private static String nameOf(MethodParameter parameter, String javaName) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String named = query != null ? query.name() : path != null ? path.name() : header != null ? header.name() : "";
        return named.isEmpty() ? javaName : named;
    }
}
