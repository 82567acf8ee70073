package org.shangliang.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's packages depend on each other in one direction only, from the foundations
 * ({@code common}, {@code store}) through the features to {@code web} and {@code app} (README,
 * "Layout"): a package can be read, tested and changed without the ones that build on it.
 */
class PackageGraphTest {
  @Test
  @DisplayName("no two packages of the server depend on each other, directly or through others")
  void packagesAreFreeOfCycles() {
    JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.shangliang");
    assertTrue(server.size() > 300, "the server's classes were found: " + server.size());
    slices().matching("org.shangliang.(**)").should().beFreeOfCycles().check(server);
  }
}
