package hotline.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The borders of the code: feature packages without cycles, Camel only at the edge, and the domain (the rules
 * that decide) free of Spring, Camel and JDBC, so that it is plain Java tested without a server. Persistence
 * adapters live with their feature and are named {@code *Repository}; they are the one kind of class there that
 * may use JDBC and Spring.
 */
class ArchitectureTest {

    static final String ROOT = "hotline.gateway";

    /** Packages of pure domain logic. Later features land here too: outreach's rules, the semantic stage. */
    static final String[] DOMAIN = {
        ROOT + ".assignment..",
        ROOT + ".classification..",
        ROOT + ".criteria..",
        ROOT + ".jurisdiction..",
        ROOT + ".text..",
        ROOT + ".privacy..",
        ROOT + ".validation..",
        ROOT + ".json..",
        ROOT + ".outreach.rules..",
    };

    /** The edge: HTTP and message adapters, wiring, embedded servers. */
    static final String[] CAMEL_ALLOWED = {ROOT + ".web..", ROOT + ".config..", ROOT + ".infrastructure.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void featurePackagesHaveNoCycles() {
        noCyclesBetweenPackagesOf(ROOT).check(classes);
    }

    /** The rule is not blind: two test packages that import each other are a cycle it reports. */
    @Test
    void theCycleRuleFindsACycle() {
        String fixtures = ArchitectureTest.class.getPackageName() + ".cycle";
        JavaClasses cycle = new ClassFileImporter().importPackages(fixtures);
        assertThatThrownBy(() -> noCyclesBetweenPackagesOf(fixtures).check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void camelStaysAtTheEdge() {
        noClasses()
                .that()
                .resideOutsideOfPackages(CAMEL_ALLOWED)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.camel..")
                .check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .and()
                .haveNameNotMatching(".*Repository(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void theDomainDoesNotReachForTheEdge() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".config..", ROOT + ".infrastructure..")
                .check(classes);
    }
}
