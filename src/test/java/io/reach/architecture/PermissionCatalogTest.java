package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.reach.platform.security.RequiresPermission;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The permission catalog (what roles and API keys can be given, {@code GET /api/v1/permissions})
 * names exactly the resources some endpoint checks: nothing for modules that do not exist yet,
 * and no endpoint guarded by a permission nobody could be given.
 */
@ReachTest
class PermissionCatalogTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void theCatalogNamesExactlyTheResourcesEndpointsCheck() {
        Set<String> checked = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.reach")) {
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(RequiresPermission.class).ifPresent(p -> checked.add(p.resource()));
            }
        }
        Set<String> catalog = new TreeSet<>();
        api.get("/api/v1/permissions", accounts.owner().accessToken())
                .json()
                .get("items")
                .forEach(permission ->
                        catalog.add(permission.get("resource_type").asString()));

        assertThat(catalog).isEqualTo(checked);
    }
}
