package io.github.vnetjail.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way only: core &lt;- render &lt;- exec &lt;- examples; no package cycles.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.vnetjail");
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("io.github.vnetjail.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.github.vnetjail.render..",
            "io.github.vnetjail.exec..",
            "io.github.vnetjail.examples..")
        .check(classes);
  }

  @Test
  void renderDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("io.github.vnetjail.render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.vnetjail.exec..", "io.github.vnetjail.examples..")
        .check(classes);
  }

  @Test
  void execDoesNotDependOnExamples() {
    noClasses()
        .that()
        .resideInAPackage("io.github.vnetjail.exec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.vnetjail.examples..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.github.vnetjail.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void allModulesAreOnTheClassPath() {
    // Guards the rules above: an import that found no classes would make them pass vacuously.
    org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
        .contains(
            "io.github.vnetjail.core",
            "io.github.vnetjail.render",
            "io.github.vnetjail.exec",
            "io.github.vnetjail.examples");
  }
}
