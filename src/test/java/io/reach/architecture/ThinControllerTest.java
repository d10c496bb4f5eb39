package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.reach.platform.tenant.TenantTransactions;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Controllers translate HTTP; the module services they call hold the rules and open the
 * transactions, so the console's pages can call the same services.
 */
class ThinControllerTest {

    @Test
    void controllersLeaveTransactionsToTheModuleServices() {
        Set<String> opening = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.reach").stream()
                        .filter(type ->
                                type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class))
                        .filter(ThinControllerTest::opensTransactions)
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());

        assertThat(opening)
                .as("controllers that open transactions (move the work into the module's service)")
                .isEmpty();
    }

    private static boolean opensTransactions(JavaClass controller) {
        return controller.getDirectDependenciesFromSelf().stream()
                .map(dependency -> dependency.getTargetClass())
                .anyMatch(target -> target.isAssignableTo(TenantTransactions.class)
                        || target.getPackageName().startsWith("org.springframework.transaction"));
    }
}
