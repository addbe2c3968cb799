package hotline.gateway.classification.semantic;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import hotline.gateway.classification.NeedCode;

/** The semantic stage is plain Java that another part of the gateway calls, not the other way round. */
@AnalyzeClasses(
        packages = "hotline.gateway.classification.semantic",
        importOptions = ImportOption.DoNotIncludeTests.class)
class SemanticPackageArchitectureTest {

    private static final String PACKAGE = "hotline.gateway.classification.semantic..";

    @ArchTest
    static final ArchRule noSpringCamelOrJdbc = noClasses()
            .that()
            .resideInAPackage(PACKAGE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "java.sql..", "javax.sql..", "org.postgresql..")
            .because("the semantic stage is plain Java; intake wires it in");

    @ArchTest
    static final ArchRule onlyJavaTheModelLibraryAndNeedCode = classes()
            .that()
            .resideInAPackage(PACKAGE)
            .should()
            .onlyDependOnClassesThat(describe(
                    "are Java's, this package's, the model library's or NeedCode",
                    SemanticPackageArchitectureTest::allowed));

    private static boolean allowed(JavaClass type) {
        JavaClass c = type.isArray() ? type.getBaseComponentType() : type;
        return c.isPrimitive()
                || c.getPackageName().startsWith("java.")
                || c.getPackageName().startsWith("hotline.gateway.classification.semantic")
                || c.getPackageName().startsWith("dev.langchain4j.")
                || c.getPackageName().startsWith("ai.onnxruntime")
                || c.isEquivalentTo(NeedCode.class);
    }

    @ArchTest
    static final ArchRule onlyBgeSmallEmbeddersTouchesTheModelLibrary = noClasses()
            .that()
            .resideInAPackage(PACKAGE)
            .and()
            .haveNameNotMatching(".*\\.(BgeSmallEmbedders|OnnxEnvironmentHold)(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.langchain4j..", "ai.djl..", "ai.onnxruntime..")
            .because("everything else runs and is tested without the native libraries");
}
