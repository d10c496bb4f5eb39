package io.reach.platform.web.openapi;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names that stay unique: Reach's request and response records are nested in the class
 * they belong to, and many share a simple name ({@code Edit}, {@code Entry}, {@code Change}), which
 * swagger-core would let overwrite each other. A nested record is named after its owner unless its
 * own name already says it: {@code TemplateController.Edit} is {@code TemplateEdit},
 * {@code CampaignController.CampaignRequest} stays {@code CampaignRequest}, and so does
 * {@code AuthRequests.LoginRequest}.
 */
final class SchemaNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> owner = type.getEnclosingClass();
        if (owner == null || type.isEnum() && name.contains(owner.getSimpleName())) {
            return name;
        }
        String stem = OperationIds.singular(owner.getSimpleName().replaceFirst("(Controller|Api|Endpoints)$", ""));
        return name.contains(stem) || stem.isEmpty() || lastWord(name).equals(lastWord(stem)) ? name : stem + name;
    }

    /** {@code AuthRequests.LoginRequest} is already a kind of what its owner holds: it stays {@code LoginRequest}. */
    private static String lastWord(String name) {
        String[] words = name.split("(?=[A-Z])");
        return words[words.length - 1];
    }
}
